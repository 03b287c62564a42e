package io.kpipeline.report;

import io.kpipeline.evaluation.StoredResult;
import io.kpipeline.kpi.CampaignReturns.CampaignReturn;
import io.kpipeline.kpi.KpiDefinition.Unit;
import io.kpipeline.kpi.CampaignReturns;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The management report's campaign table: each campaign started in the 730 days before the period's end,
 * with what it brought and cost from its start up to that end ({@link io.kpipeline.kpi.CampaignReturns}) and
 * its stored {@code campaign_romi}; then one line over the campaigns with a cost, whose ROMI is the stored
 * total. The ROMI itself is read from the results, never computed here.
 *
 * <p>A ROMI on a small base is marked, not hidden: a cost under {@link #SMALL_BASE_COST} (in the report
 * currency), or a single won deal. A few hundred euros of spend, or one lucky deal, give returns of
 * thousands of per cent that say little about the campaign and compare badly with the others.
 */
final class ManagementCampaigns {

    static final String KPI = "campaign_romi";
    /** A campaign cost below this gives a ROMI the table marks as resting on a small base. */
    static final BigDecimal SMALL_BASE_COST = new BigDecimal("1000");
    /** A ROMI resting on this many won deals is marked too (none gives −100 %, a plain fact). */
    static final long SMALL_BASE_DEALS = 1;

    private final ManagementData data;
    private final ReportFormat format;
    private final List<CampaignReturn> campaigns;
    private final BigDecimal grossMargin;

    /**
     * @param campaigns   the campaigns started in the 730 days before the period's end, with their figures
     * @param grossMargin the gross margin ROMI is computed on; null when it is not set
     */
    ManagementCampaigns(ManagementData data, List<CampaignReturn> campaigns, BigDecimal grossMargin) {
        this.data = data;
        this.format = data.format();
        this.campaigns = List.copyOf(campaigns);
        this.grossMargin = grossMargin;
    }

    /** The campaigns by cost, largest first, those without cost last; then the line over those with a cost. */
    List<ManagementTables.CampaignLine> lines() {
        Map<String, StoredResult> romi = new HashMap<>();
        data.breakdown(KPI, "campaign").forEach(r -> romi.put(r.dimensionValue(), r));
        List<CampaignReturn> ordered = campaigns.stream()
                .sorted(Comparator.comparing(CampaignReturn::cost).reversed()
                        .thenComparing(Comparator.comparing(CampaignReturn::firstYearValue).reversed())
                        .thenComparing(c -> data.campaign(c.id())))
                .toList();
        List<ManagementTables.CampaignLine> lines = new ArrayList<>();
        for (CampaignReturn c : ordered) {
            StoredResult r = romi.get(c.id());
            BigDecimal value = r == null ? null : r.value();
            String detail = format.text("management.campaign.start", format.date(c.start()));
            if (c.cost().signum() == 0) {
                detail += " · " + format.text("management.campaign.noCost");
            }
            lines.add(new ManagementTables.CampaignLine(data.campaign(c.id()), detail,
                    format.value(BigDecimal.valueOf(c.leads()), Unit.COUNT),
                    format.value(BigDecimal.valueOf(c.wonDeals()), Unit.COUNT),
                    format.value(c.firstYearValue(), Unit.MONEY), format.value(c.cost(), Unit.MONEY),
                    format.value(c.budget(), Unit.MONEY), format.value(c.budgetUsed(), Unit.RATE),
                    format.value(value, Unit.RATE), value != null && smallBase(c.cost(), c.wonDeals()), false));
        }
        List<CampaignReturn> withCost = campaigns.stream().filter(c -> c.cost().signum() > 0).toList();
        if (!withCost.isEmpty()) {
            lines.add(total(withCost));
        }
        return lines;
    }

    /**
     * The sums over the campaigns with a cost, as {@code campaign_romi}'s total takes them; the share of the
     * budget used only where every one of them has a budget, since a cost without a budget has no share.
     */
    private ManagementTables.CampaignLine total(List<CampaignReturn> withCost) {
        long leads = withCost.stream().mapToLong(CampaignReturn::leads).sum();
        long deals = withCost.stream().mapToLong(CampaignReturn::wonDeals).sum();
        BigDecimal value = sum(withCost.stream().map(CampaignReturn::firstYearValue).toList());
        BigDecimal cost = sum(withCost.stream().map(CampaignReturn::cost).toList());
        List<BigDecimal> budgets = withCost.stream().map(CampaignReturn::budget).filter(Objects::nonNull).toList();
        BigDecimal budget = budgets.isEmpty() ? null : sum(budgets);
        BigDecimal used = budgets.size() == withCost.size() && budget.signum() > 0
                ? cost.divide(budget, MathContext.DECIMAL64) : null;
        BigDecimal romi = data.total(KPI).map(StoredResult::value).orElse(null);
        return new ManagementTables.CampaignLine(format.text("management.campaign.total", withCost.size()), null,
                format.value(BigDecimal.valueOf(leads), Unit.COUNT),
                format.value(BigDecimal.valueOf(deals), Unit.COUNT),
                format.value(value, Unit.MONEY), format.value(cost, Unit.MONEY), format.value(budget, Unit.MONEY),
                format.value(used, Unit.RATE), format.value(romi, Unit.RATE), romi != null && smallBase(cost, deals),
                true);
    }

    private static boolean smallBase(BigDecimal cost, long wonDeals) {
        return cost.compareTo(SMALL_BASE_COST) < 0 || wonDeals == SMALL_BASE_DEALS;
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Above the table: which campaigns, and that every figure runs from each campaign's start to the period's
     * end, not over the period alone.
     */
    String intro() {
        LocalDate windowStart = data.period().end().minusDays(CampaignReturns.WINDOW_DAYS);
        return format.text("management.campaign.intro", format.date(windowStart), format.date(data.period().last()),
                data.word("in"));
    }

    /**
     * Under the table: how the columns are defined, the gross margin ROMI is computed on, what the mark on a
     * small base means, and how many of the period's new leads had no campaign.
     */
    String note() {
        List<String> sentences = new ArrayList<>();
        sentences.add(format.text("management.campaign.columns"));
        if (grossMargin != null) {
            sentences.add(format.text("management.campaign.romi", format.value(grossMargin, Unit.RATE)));
        } else {
            sentences.add(format.text("management.campaign.noMargin"));
        }
        sentences.add(format.text("management.campaign.smallBase", format.value(SMALL_BASE_COST, Unit.MONEY)));
        leadsWithoutCampaign().ifPresent(sentences::add);
        return String.join("\n", sentences);
    }

    /** "Ohne Kampagne: 243 der 274 neuen Leads im November 2026; sie stehen in keiner Zeile." */
    private Optional<String> leadsWithoutCampaign() {
        BigDecimal all = data.total("leads_created").map(StoredResult::value).orElse(null);
        return data.breakdown("leads_created", "campaign").stream()
                .filter(r -> ManagementData.NONE.equals(r.dimensionValue()) && r.value() != null && all != null)
                .findFirst().map(r -> format.text("management.campaign.leadsWithout", data.word("in"),
                        format.value(r.value(), Unit.COUNT), format.value(all, Unit.COUNT), r.value()));
    }
}

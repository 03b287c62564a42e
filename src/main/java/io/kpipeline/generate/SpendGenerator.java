package io.kpipeline.generate;

import io.kpipeline.generate.Catalog.Campaign;
import java.time.LocalDate;
import java.util.List;

/**
 * Costs: daily paid media (always-on search and LinkedIn retargeting without a campaign, plus
 * the running paid campaigns) and monthly cost entries for agencies, tools, fairs, marketing
 * and sales salaries; agency work, fairs and events belong to their campaigns. Amounts scale
 * with the number of leads, so cost per lead stays plausible.
 */
final class SpendGenerator {

    /** A paid channel's cost per click and click-through rate. */
    private record Media(String channel, double minCpc, double maxCpc, double minCtr, double maxCtr) {
    }

    private static final List<Media> MEDIA = List.of(new Media("PAID_SEARCH", 2.4, 4.6, 0.03, 0.06),
            new Media("LINKEDIN", 5.5, 9.0, 0.004, 0.008), new Media("XING", 3.0, 5.0, 0.005, 0.01),
            new Media("SOCIAL", 0.8, 1.6, 0.008, 0.015));
    /** Monthly marketing costs per channel besides media: agency, content, tools. */
    private static final List<String> COST_CHANNELS = List.of("WEBSITE", "EMAIL", "NEWSLETTER", "SOCIAL",
            "LINKEDIN", "XING", "PAID_SEARCH");
    private static final double[] COST_AMOUNTS = {2600, 650, 350, 1300, 800, 250, 900};
    /** The part of a channel's monthly cost that is agency work on its running campaigns. */
    private static final double AGENCY_SHARE = 0.5;

    private final Out out;
    private final Catalog catalog;
    private final Rng rng;
    private final double scale;

    SpendGenerator(Out out, Catalog catalog, Rng rng, double scale) {
        this.out = out;
        this.catalog = catalog;
        this.rng = rng;
        this.scale = scale;
    }

    void day(LocalDate d) {
        double weekday = BusinessCalendar.weekend(d) ? 0.5 : 1.0;
        spend(d, "PAID_SEARCH", null, 85 * scale * weekday);
        spend(d, "LINKEDIN", null, 35 * scale * weekday);
        for (Campaign c : catalog.campaigns) {
            if (c.dailySpend() > 0 && c.runsOn(d)) {
                spend(d, c.channel(), c.id(), c.dailySpend() * weekday * 1.15);
            }
        }
    }

    private void spend(LocalDate d, String channel, String campaign, double budget) {
        Media m = MEDIA.stream().filter(x -> x.channel().equals(channel)).findFirst().orElseThrow();
        double cost = budget * rng.uniform(0.75, 1.25);
        int clicks = Math.max(1, (int) Math.round(cost / rng.uniform(m.minCpc(), m.maxCpc())));
        int impressions = (int) Math.round(clicks / rng.uniform(m.minCtr(), m.maxCtr()));
        out.row(Tables.AD_SPEND_DAILY, d, channel, campaign, Out.money(cost), impressions, clicks);
    }

    /**
     * The cost entries of the month that begins on {@code month}. While time-limited campaigns of a
     * channel run in the month, the agency's share of the channel's cost is booked to them, by the
     * days each runs; the rest (content, tools) stays a cost of the channel. Each trade fair and event
     * is booked to its campaign in the month it starts. Salaries and other general costs have no
     * channel and no campaign.
     */
    void month(LocalDate month) {
        for (int i = 0; i < COST_CHANNELS.size(); i++) {
            String channel = COST_CHANNELS.get(i);
            List<Campaign> running = catalog.campaigns.stream()
                    .filter(c -> c.channel().equals(channel) && !c.alwaysOn() && c.daysIn(month) > 0).toList();
            double agency = running.isEmpty() ? 0 : COST_AMOUNTS[i] * AGENCY_SHARE;
            entry(month, "MARKETING", channel, null, COST_AMOUNTS[i] - agency);
            int days = running.stream().mapToInt(c -> c.daysIn(month)).sum();
            for (Campaign c : running) {
                entry(month, "MARKETING", channel, c.id(), agency * c.daysIn(month) / days);
            }
        }
        for (Campaign c : catalog.campaigns) {
            boolean onSite = c.channel().equals("TRADE_FAIR") || c.channel().equals("EVENT");
            if (onSite && c.start().withDayOfMonth(1).equals(month)) {
                entry(month, "MARKETING", c.channel(), c.id(), c.budget().doubleValue() / scale * rng.uniform(0.9, 1.1));
            }
        }
        entry(month, "MARKETING", null, null, 21000);
        entry(month, "SALES", null, null, 58000);
    }

    private void entry(LocalDate month, String category, String channel, String campaign, double amount) {
        out.row(Tables.COST_ENTRY, month, category, channel, campaign,
                Out.money(amount * scale * rng.uniform(0.95, 1.05)));
    }
}

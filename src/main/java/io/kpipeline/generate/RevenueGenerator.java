package io.kpipeline.generate;

import io.kpipeline.generate.Catalog.Rep;
import io.kpipeline.generate.Journey.Deal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Revenue: a one-off sale becomes one order without a subscription; a subscription invoices
 * monthly, each invoice carrying its id, from its start (or its first billing day in the period,
 * for one begun earlier) until it ends. Every month about 1.5 % of subscriptions end, small
 * customers more often than large ones; a few orders are cancelled; some carry a discount code.
 */
final class RevenueGenerator {

    private static final List<String> DISCOUNTS = List.of("MESSE10", "FRUEHJAHR15", "PARTNER5", "TREUE10",
            "WEBINAR10");

    private final Out out;
    private final BusinessCalendar calendar;
    private final CustomerBase customers;

    RevenueGenerator(Out out, BusinessCalendar calendar, CustomerBase customers) {
        this.out = out;
        this.calendar = calendar;
        this.customers = customers;
    }

    void wonDeal(Journey journey, Rng rng) {
        Deal deal = journey.deal();
        Lead lead = journey.lead;
        LocalDate start = BusinessCalendar.nextWorkday(deal.closedAt().toLocalDate().plusDays(rng.between(1, 14)));
        if (start.isAfter(calendar.to)) {
            return;
        }
        String channel = lead.channel().code();
        if (deal.contractMonths() == null) {
            String id = "ORD-" + deal.id().substring("DEAL-".length());
            order(id, null, lead.account().id(), deal.id(), channel, start, deal.amount(), 0.05,
                    rng.chance(0.15) ? rng.pick(DISCOUNTS) : null, rng);
            customers.add(new Customer(lead.account().id(), lead.account().segment(), deal.owner(), start,
                    start.plusDays(365), id, start, 1, false));
        } else {
            double mrr = deal.amount().doubleValue() / deal.contractMonths();
            subscribe(lead.account().id(), lead.account().segment(), deal.owner(), deal.id(), channel, start, mrr,
                    rng);
        }
    }

    /**
     * Writes a subscription that begins on {@code start} (also before the period) and its monthly
     * invoices in the period, and adds the customer to the base. It may end on any billing day in
     * the period from its third month on; notice is given 25 to 70 days before.
     */
    void subscribe(String accountId, String segment, Rep rep, String dealId, String channel, LocalDate start,
            double mrr, Rng rng) {
        String id = out.nextId(Tables.SUBSCRIPTION, "SUB-", 6);
        int firstInPeriod = 0;
        while (start.plusMonths(firstInPeriod).isBefore(calendar.from)) {
            firstInPeriod++;
        }
        LocalDate end = null;
        LocalDateTime cancelled = null;
        double churn = monthlyChurn(segment);
        for (int k = Math.max(2, firstInPeriod); !start.plusMonths(k).isAfter(calendar.to); k++) {
            if (rng.chance(churn)) {
                end = start.plusMonths(k);
                cancelled = BusinessCalendar.workTime(end.minusDays(rng.between(25, 70)), rng);
                if (!cancelled.toLocalDate().isAfter(start)) {
                    cancelled = BusinessCalendar.workTime(start.plusDays(1), rng);
                }
                break;
            }
        }
        BigDecimal monthly = Out.money(mrr);
        out.row(Tables.SUBSCRIPTION, id, accountId, dealId, start, end, monthly, cancelled);
        String prefix = "INV-" + id.substring("SUB-".length()) + "-";
        LocalDate firstInvoice = start.plusMonths(firstInPeriod);
        int k = 0;
        for (LocalDate date = firstInvoice; !date.isAfter(calendar.to) && (end == null || date.isBefore(end));
                date = firstInvoice.plusMonths(++k)) {
            order(Customer.invoiceId(prefix, k), id, accountId, dealId, channel, date, monthly, 0.01,
                    k == 0 && dealId != null && rng.chance(0.1) ? "START20" : null, rng);
        }
        customers.add(new Customer(accountId, segment, rep, start, end, prefix, firstInvoice, k, true));
    }

    /** Small customers leave more often than large ones: about 1.5 % a month over the usual mix. */
    private static double monthlyChurn(String segment) {
        return switch (segment) {
            case "ENTERPRISE" -> 0.007;
            case "MID" -> 0.012;
            default -> 0.02;
        };
    }

    /**
     * Writes one order: a subscription's invoice when {@code subscriptionId} is set, else a one-off
     * order; cancelled with chance {@code cancel} unless the cancellation would lie after the period.
     */
    void order(String id, String subscriptionId, String accountId, String dealId, String channel, LocalDate date,
            BigDecimal amount, double cancel, String discount, Rng rng) {
        LocalDateTime cancelledAt = rng.chance(cancel)
                ? calendar.orNull(BusinessCalendar.workTimeAfter(date.atTime(7, 0), 1, 10, rng))
                : null;
        out.row(Tables.CUSTOMER_ORDER, id, subscriptionId, accountId, dealId, channel, date, amount,
                cancelledAt == null ? "BOOKED" : "CANCELLED", cancelledAt, discount);
    }
}

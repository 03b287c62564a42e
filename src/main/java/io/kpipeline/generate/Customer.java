package io.kpipeline.generate;

import io.kpipeline.generate.Catalog.Rep;
import java.time.LocalDate;

/**
 * A customer as the customer base needs it: active from {@code since} until the day before
 * {@code until} ({@code null}: still active), looked after by {@code rep}. Its invoices are not
 * kept; their ids follow from {@code orderPrefix}: one order of that id, or, when {@code monthly},
 * {@code orderCount} monthly invoices from {@code firstOrder} on, numbered from 01.
 */
record Customer(String accountId, String segment, Rep rep, LocalDate since, LocalDate until, String orderPrefix,
        LocalDate firstOrder, int orderCount, boolean monthly) {

    boolean activeOn(LocalDate d) {
        return !d.isBefore(since) && (until == null || d.isBefore(until));
    }

    /** One of the customer's latest orders dated on or before {@code d}, or null if none is. */
    String recentOrder(LocalDate d, Rng rng) {
        if (firstOrder.isAfter(d) || orderCount == 0) {
            return null;
        }
        if (!monthly) {
            return orderPrefix;
        }
        int issued = 0;
        while (issued < orderCount && !firstOrder.plusMonths(issued).isAfter(d)) {
            issued++;
        }
        int k = issued - 1 - rng.between(0, Math.min(2, issued - 1));
        return invoiceId(orderPrefix, k);
    }

    static String invoiceId(String prefix, int k) {
        return Out.id(prefix, k + 1, 2);
    }
}

package io.kpipeline.kpi;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The shared customer terms of kpi-vocabulary.md, written once: "active customer on day d",
 * "first customer date" and "new customer in P", together with the MRR and booked revenue that
 * revenue, customer and unit-economics KPIs relate to them. One query reads {@code subscription}
 * and {@code customer_order} once each, builds one row per account and sums those rows per segment
 * (the account's current segment) and in total.
 */
@Component
class CustomerQueries {

    static final String NO_SEGMENT = "(none)";

    /** A subscription active on the day: started by then and not yet ended ({@code end_date} is the first day off). */
    static String subscriptionActiveOn(String day) {
        return "start_date <= " + day + " AND (end_date IS NULL OR end_date > " + day + ")";
    }

    /** A booked order that makes its account a customer on the day: dated in [day − 364 days, day]. */
    static String bookedOrderActiveOn(String day) {
        return "order_date BETWEEN DATE_SUB(" + day + ", INTERVAL 364 DAY) AND " + day;
    }

    private static final String FROM = "CAST(:from AS DATE)";
    private static final String LAST = "CAST(:last AS DATE)";

    /**
     * Per account (only accounts with a subscription or booked order before {@code :end}; later rows
     * cannot change a first customer date inside the window): its first customer date, whether it is
     * active on {@code :from} and on {@code :last}, the MRR of its subscriptions active on those days,
     * and its booked revenue in [from, end). Then summed per segment WITH ROLLUP (the NULL row is the total).
     */
    private static final String FIGURES = """
            SELECT seg,
                   SUM(active_from) AS active_from,
                   SUM(active_last) AS active_last,
                   SUM(CASE WHEN active_from = 1 AND active_last = 0 THEN 1 ELSE 0 END) AS churned,
                   SUM(is_new) AS new_customers,
                   SUM(mrr_from) AS mrr_from,
                   SUM(mrr_lost) AS mrr_lost,
                   SUM(mrr_last) AS mrr_last,
                   SUM(CASE WHEN is_new = 1 THEN mrr_last ELSE 0 END) AS new_mrr_last,
                   SUM(booked_in) AS buyers,
                   SUM(CASE WHEN booked_in = 1 AND booked_before = 1 THEN 1 ELSE 0 END) AS repeat_buyers,
                   SUM(CASE WHEN active_last = 1 THEN DATEDIFF(%2$s, first_date) ELSE 0 END) AS relationship_days,
                   SUM(booked_amount) AS booked_amount,
                   SUM(CASE WHEN is_new = 1 THEN booked_amount ELSE 0 END) AS new_booked_amount
            FROM (
                SELECT COALESCE(a.segment, '(none)') AS seg, c.active_from, c.active_last, c.mrr_from, c.mrr_lost,
                       c.mrr_last, c.booked_in, c.booked_before, c.booked_amount, c.first_date,
                       CASE WHEN c.first_date >= :from AND c.first_date < :end THEN 1 ELSE 0 END AS is_new
                FROM (
                    SELECT account_id,
                           MIN(first_date) AS first_date,
                           MAX(active_from) AS active_from,
                           MAX(active_last) AS active_last,
                           SUM(mrr_from) AS mrr_from,
                           SUM(mrr_lost) AS mrr_lost,
                           SUM(mrr_last) AS mrr_last,
                           SUM(booked_amount) AS booked_amount,
                           MAX(booked_in) AS booked_in,
                           MAX(booked_before) AS booked_before
                    FROM (
                        SELECT account_id,
                               MIN(start_date) AS first_date,
                               MAX(CASE WHEN %3$s THEN 1 ELSE 0 END) AS active_from,
                               MAX(CASE WHEN %4$s THEN 1 ELSE 0 END) AS active_last,
                               SUM(CASE WHEN %3$s THEN mrr ELSE 0 END) AS mrr_from,
                               SUM(CASE WHEN %3$s AND NOT (%4$s) THEN mrr ELSE 0 END) AS mrr_lost,
                               SUM(CASE WHEN %4$s THEN mrr ELSE 0 END) AS mrr_last,
                               0 AS booked_amount, 0 AS booked_in, 0 AS booked_before
                        FROM subscription
                        WHERE start_date < :end
                        GROUP BY account_id
                        UNION ALL
                        SELECT account_id,
                               MIN(order_date),
                               MAX(CASE WHEN %5$s THEN 1 ELSE 0 END),
                               MAX(CASE WHEN %6$s THEN 1 ELSE 0 END),
                               0, 0, 0,
                               SUM(CASE WHEN order_date >= :from THEN amount ELSE 0 END),
                               MAX(CASE WHEN order_date >= :from THEN 1 ELSE 0 END),
                               MAX(CASE WHEN order_date < :from THEN 1 ELSE 0 END)
                        FROM customer_order
                        WHERE status = 'BOOKED' AND order_date < :end
                        GROUP BY account_id
                    ) u
                    GROUP BY account_id
                ) c
                JOIN account a ON a.id = c.account_id
            ) x
            GROUP BY seg WITH ROLLUP
            """.formatted(FROM, LAST, subscriptionActiveOn(FROM), subscriptionActiveOn(LAST),
            bookedOrderActiveOn(FROM), bookedOrderActiveOn(LAST));

    private final NamedParameterJdbcTemplate jdbc;
    /** The figures already read in the computation running on this thread, by window; none outside one. */
    private final ThreadLocal<Map<List<LocalDate>, Figures>> computation = new ThreadLocal<>();

    CustomerQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Runs one computation of a period's KPIs, in which the calculators that need the same window's
     * figures (customers, revenue, unit economics) share one pass over the customer history instead
     * of each reading it again. Outside it every call reads the database afresh.
     */
    <T> T sharingFigures(Supplier<T> work) {
        computation.set(new HashMap<>());
        try {
            return work.get();
        } finally {
            computation.remove();
        }
    }

    /**
     * The customer figures of the window {@code [from, end)}: "active at the start" means active on
     * {@code from}, "active at the end" active on {@code end − 1 day}, "new" a first customer date in
     * the window, "booked" an order booked in the window.
     */
    Figures figures(LocalDate from, LocalDate end) {
        Map<List<LocalDate>, Figures> read = computation.get();
        return read == null ? read(from, end) : read.computeIfAbsent(List.of(from, end), w -> read(from, end));
    }

    private Figures read(LocalDate from, LocalDate end) {
        var params = new MapSqlParameterSource("from", from).addValue("end", end).addValue("last", end.minusDays(1));
        Map<String, Segment> segments = new TreeMap<>();
        Segment[] total = {Segment.EMPTY};
        jdbc.query(FIGURES, params, rs -> {
            Segment row = segment(rs);
            String seg = rs.getString("seg");
            if (seg == null) {
                total[0] = row;
            } else {
                segments.put(seg, row);
            }
        });
        return new Figures(total[0], segments);
    }

    private static Segment segment(ResultSet rs) throws SQLException {
        return new Segment(rs.getLong("active_from"), rs.getLong("active_last"), rs.getLong("churned"),
                rs.getLong("new_customers"), rs.getBigDecimal("mrr_from"), rs.getBigDecimal("mrr_lost"),
                rs.getBigDecimal("mrr_last"), rs.getBigDecimal("new_mrr_last"), rs.getLong("buyers"),
                rs.getLong("repeat_buyers"), rs.getLong("relationship_days"), rs.getBigDecimal("booked_amount"),
                rs.getBigDecimal("new_booked_amount"));
    }

    /** The figures in total and per segment code ({@value #NO_SEGMENT} for accounts without one). */
    record Figures(Segment total, Map<String, Segment> segments) {
    }

    /**
     * Customer figures of one segment or of all accounts.
     *
     * @param activeAtStart     accounts active on the window's first day
     * @param activeAtEnd       accounts active on its last day
     * @param churned           accounts active on the first day and not on the last
     * @param newCustomers      accounts whose first customer date lies in the window
     * @param mrrAtStart        Σ mrr of subscriptions active on the first day
     * @param mrrLost           Σ mrr of subscriptions active on the first day and not on the last
     * @param mrrAtEnd          Σ mrr of subscriptions active on the last day
     * @param newMrrAtEnd       the part of {@code mrrAtEnd} of new customers' subscriptions
     * @param buyers            accounts with a booked order in the window
     * @param repeatBuyers      buyers with a booked order before the window as well
     * @param relationshipDays  Σ over accounts active on the last day of days since their first customer date
     * @param booked            Σ amount of booked orders in the window
     * @param bookedByNew       the part of {@code booked} of new customers
     */
    record Segment(long activeAtStart, long activeAtEnd, long churned, long newCustomers, BigDecimal mrrAtStart,
            BigDecimal mrrLost, BigDecimal mrrAtEnd, BigDecimal newMrrAtEnd, long buyers, long repeatBuyers,
            long relationshipDays, BigDecimal booked, BigDecimal bookedByNew) {

        static final Segment EMPTY = new Segment(0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }
}

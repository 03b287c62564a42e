package io.kpipeline.kpi;

import io.kpipeline.model.SourceChanges;
import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shared customer terms of kpi-vocabulary.md (version 2), written once: "active customer on
 * day d", "opening day", "first customer date" and "new customer in P", together with the MRR and
 * booked revenue that revenue, customer and unit-economics KPIs relate to them. One query reads
 * {@code subscription} and {@code customer_order} once each, builds one row per account and sums
 * those rows per segment (the account's current segment) and in total.
 *
 * <p>An account is active on day d when a subscription of it runs on d, or when it has a booked
 * one-off order (no {@code subscription_id}) dated in {@code [d − 364 days, d]} and not before the
 * end of any of its subscriptions that ended by d. Subscription invoices never make an account
 * active: a subscriber who cancels stops being active on the subscription's {@code end_date}.
 * Because the latest one-off order on or before d decides the second condition, it is enough to
 * know per account that date and the latest subscription end on or before d.
 */
@Component
class CustomerQueries {

    static final String NO_SEGMENT = "(none)";

    /** A subscription active on the day: started by then and not yet ended ({@code end_date} is the first day off). */
    static String subscriptionActiveOn(String day) {
        return "start_date <= " + day + " AND (end_date IS NULL OR end_date > " + day + ")";
    }

    /**
     * Whether an account is active on {@code day}, from its per-account facts: {@code runs} (1 when a
     * subscription runs that day), {@code lastOneOff} (its latest booked one-off order on or before the
     * day) and {@code lastEnd} (the latest end of its subscriptions on or before the day).
     */
    private static String activeOn(String day, String runs, String lastOneOff, String lastEnd) {
        return "CASE WHEN " + runs + " = 1 OR (" + lastOneOff + " >= DATE_SUB(" + day + ", INTERVAL 364 DAY) AND ("
                + lastEnd + " IS NULL OR " + lastOneOff + " >= " + lastEnd + ")) THEN 1 ELSE 0 END";
    }

    /**
     * The accounts active on {@code day} (a SQL date expression), as a derived table with the one column
     * {@code account_id}: for joins that need the set itself, such as contacts with customers.
     */
    static String activeAccountsOn(String day) {
        return """
                SELECT account_id
                FROM (SELECT account_id, MAX(runs) AS runs, MAX(last_end) AS last_end, MAX(last_one_off) AS last_one_off
                      FROM (SELECT account_id,
                                   MAX(CASE WHEN %2$s THEN 1 ELSE 0 END) AS runs,
                                   MAX(CASE WHEN end_date <= %1$s THEN end_date END) AS last_end,
                                   CAST(NULL AS DATE) AS last_one_off
                            FROM subscription
                            WHERE start_date <= %1$s
                            GROUP BY account_id
                            UNION ALL
                            SELECT account_id, 0, CAST(NULL AS DATE), MAX(order_date)
                            FROM customer_order
                            WHERE status = 'BOOKED' AND subscription_id IS NULL
                              AND order_date BETWEEN DATE_SUB(%1$s, INTERVAL 364 DAY) AND %1$s
                            GROUP BY account_id) u
                      GROUP BY account_id) f
                WHERE %3$s = 1""".formatted(day, subscriptionActiveOn(day),
                activeOn(day, "runs", "last_one_off", "last_end"));
    }

    private static final String OPEN = "CAST(:open AS DATE)";
    private static final String LAST = "CAST(:last AS DATE)";
    private static final String BASE = "CAST(:base AS DATE)";

    /**
     * Per account, of its subscriptions (grouped by account_id): whether one runs on the opening day {@code :open}
     * and on {@code :last}, and the latest end on or before each; its one-off order columns, NULL here.
     */
    private static final String SUBSCRIPTION_DAYS = """
            MAX(CASE WHEN %s THEN 1 ELSE 0 END) AS runs_open,
            MAX(CASE WHEN %s THEN 1 ELSE 0 END) AS runs_last,
            MAX(CASE WHEN end_date <= %s THEN end_date END) AS end_open,
            MAX(CASE WHEN end_date <= %s THEN end_date END) AS end_last,
            CAST(NULL AS DATE) AS one_off_open,
            CAST(NULL AS DATE) AS one_off_last""".formatted(subscriptionActiveOn(OPEN), subscriptionActiveOn(LAST),
            OPEN, LAST);

    /** Those columns (and the one-off orders' dates) of an account's rows taken together. */
    private static final String ACCOUNT_DAYS = """
            MAX(runs_open) AS runs_open,
            MAX(runs_last) AS runs_last,
            MAX(end_open) AS end_open,
            MAX(end_last) AS end_last,
            MAX(one_off_open) AS one_off_open,
            MAX(one_off_last) AS one_off_last""";

    /**
     * Per account (only accounts with a subscription or booked order before {@code :end}; later rows
     * cannot change a first customer date inside the window): its first customer date, whether it is
     * active on the opening day {@code :open} and on {@code :last}, the MRR of its subscriptions active on
     * those days and on {@code :base} (a year before {@code :last}, for revenue retention), its booked
     * revenue in [from, end) and whether it bought one-off in the window and before it. Then summed per
     * segment WITH ROLLUP (the NULL row is the total).
     *
     * <p>Of the orders it reads only the window's booked ones and the booked one-off orders of the 364 days
     * before the opening day (an older one-off order makes no account active on the opening or the last
     * day), both through covering indexes; the first customer date and "a one-off order before the window"
     * come from {@code customer_first_date} (see {@link #FIRST_DATES}). Accounts whose only orders are older
     * add nothing to any sum.
     */
    private static final String FIGURES = """
            SELECT seg,
                   SUM(active_open) AS active_open,
                   SUM(active_last) AS active_last,
                   SUM(CASE WHEN active_open = 1 AND active_last = 0 THEN 1 ELSE 0 END) AS churned,
                   SUM(CASE WHEN active_open = 0 AND active_last = 1 THEN 1 ELSE 0 END) AS gained,
                   SUM(is_new) AS new_customers,
                   SUM(mrr_open) AS mrr_open,
                   SUM(subscriptions_open) AS subscriptions_open,
                   SUM(mrr_lost) AS mrr_lost,
                   SUM(mrr_last) AS mrr_last,
                   SUM(CASE WHEN is_new = 1 THEN mrr_last ELSE 0 END) AS new_mrr_last,
                   SUM(CASE WHEN is_new = 1 AND mrr_last > 0 THEN 1 ELSE 0 END) AS new_with_mrr,
                   SUM(CASE WHEN mrr_base > 0 THEN 1 ELSE 0 END) AS base_accounts,
                   SUM(CASE WHEN mrr_base > 0 THEN mrr_base ELSE 0 END) AS mrr_base,
                   SUM(CASE WHEN mrr_base > 0 THEN mrr_last ELSE 0 END) AS base_mrr_last,
                   SUM(CASE WHEN mrr_base > 0 THEN LEAST(mrr_last, mrr_base) ELSE 0 END) AS base_mrr_kept,
                   SUM(bought) AS buyers,
                   SUM(bought_one_off) AS one_off_buyers,
                   SUM(CASE WHEN bought_one_off = 1 AND one_off_before = 1 THEN 1 ELSE 0 END) AS repeat_buyers,
                   SUM(CASE WHEN active_last = 1 THEN DATEDIFF(%2$s, first_date) ELSE 0 END) AS relationship_days,
                   SUM(booked_amount) AS booked_amount,
                   SUM(CASE WHEN is_new = 1 THEN booked_amount ELSE 0 END) AS new_booked_amount
            FROM (
                SELECT COALESCE(a.segment, '(none)') AS seg, fd.first_date, c.mrr_open, c.subscriptions_open,
                       c.mrr_lost, c.mrr_last, c.mrr_base, c.bought, c.bought_one_off, c.booked_amount,
                       CASE WHEN c.bought_one_off = 1 AND fd.first_one_off < :from THEN 1 ELSE 0 END AS one_off_before,
                       %4$s AS active_open,
                       %5$s AS active_last,
                       CASE WHEN fd.first_date >= :from AND fd.first_date < :end THEN 1 ELSE 0 END AS is_new
                FROM (
                    SELECT account_id,
                           %10$s,
                           SUM(mrr_open) AS mrr_open,
                           SUM(subscriptions_open) AS subscriptions_open,
                           SUM(mrr_lost) AS mrr_lost,
                           SUM(mrr_last) AS mrr_last,
                           SUM(mrr_base) AS mrr_base,
                           SUM(booked_amount) AS booked_amount,
                           MAX(bought) AS bought,
                           MAX(bought_one_off) AS bought_one_off
                    FROM (
                        SELECT account_id,
                               %9$s,
                               SUM(CASE WHEN %6$s THEN mrr ELSE 0 END) AS mrr_open,
                               SUM(CASE WHEN %6$s THEN 1 ELSE 0 END) AS subscriptions_open,
                               SUM(CASE WHEN %6$s AND NOT (%7$s) THEN mrr ELSE 0 END) AS mrr_lost,
                               SUM(CASE WHEN %7$s THEN mrr ELSE 0 END) AS mrr_last,
                               SUM(CASE WHEN %8$s THEN mrr ELSE 0 END) AS mrr_base,
                               0 AS booked_amount, 0 AS bought, 0 AS bought_one_off
                        FROM subscription
                        WHERE start_date < :end
                        GROUP BY account_id
                        UNION ALL
                        SELECT account_id,
                               0, 0,
                               CAST(NULL AS DATE), CAST(NULL AS DATE),
                               MAX(CASE WHEN subscription_id IS NULL AND order_date <= %1$s THEN order_date END),
                               MAX(CASE WHEN subscription_id IS NULL AND order_date <= %2$s THEN order_date END),
                               0, 0, 0, 0, 0,
                               SUM(CASE WHEN order_date >= :from THEN amount ELSE 0 END),
                               MAX(CASE WHEN order_date >= :from THEN 1 ELSE 0 END),
                               MAX(CASE WHEN subscription_id IS NULL AND order_date >= :from THEN 1 ELSE 0 END)
                        FROM (SELECT account_id, subscription_id, order_date, amount
                              FROM customer_order
                              WHERE status = 'BOOKED' AND order_date >= :from AND order_date < :end
                              UNION ALL
                              SELECT account_id, subscription_id, order_date, 0
                              FROM customer_order
                              WHERE subscription_id IS NULL AND status = 'BOOKED'
                                AND order_date >= DATE_SUB(%1$s, INTERVAL 364 DAY) AND order_date < :from) o
                        GROUP BY account_id
                    ) u
                    GROUP BY account_id
                ) c
                JOIN account a ON a.id = c.account_id
                -- every account with a subscription or booked order has a row (see FIRST_DATES)
                LEFT JOIN customer_first_date fd ON fd.account_id = c.account_id
            ) x
            GROUP BY seg WITH ROLLUP
            """.formatted(OPEN, LAST, BASE,
            activeOn(OPEN, "c.runs_open", "c.one_off_open", "c.end_open"),
            activeOn(LAST, "c.runs_last", "c.one_off_last", "c.end_last"),
            subscriptionActiveOn(OPEN), subscriptionActiveOn(LAST), subscriptionActiveOn(BASE), SUBSCRIPTION_DAYS,
            ACCOUNT_DAYS);

    /**
     * The trailing-year figures the unit economics use, in total ({@link Year}): the accounts active on the
     * opening and the last day come from their subscriptions and the booked one-off orders of the 364 days
     * before each day, the new customers from {@code customer_first_date}, the booked revenue is one sum over
     * the window's orders. Unlike {@link #FIGURES} it does not group the window's orders per account (who
     * bought, who bought again), which a year of orders makes the costliest part of that query. The orders'
     * and subscriptions' accounts exist (foreign keys), as the join with {@code account} there assumes.
     */
    private static final String YEAR = """
            SELECT SUM(active_open) AS active_open,
                   SUM(active_last) AS active_last,
                   SUM(CASE WHEN active_open = 1 AND active_last = 0 THEN 1 ELSE 0 END) AS churned,
                   SUM(is_new) AS new_customers,
                   SUM(CASE WHEN is_new = 1 THEN mrr_last ELSE 0 END) AS new_mrr_last,
                   SUM(CASE WHEN is_new = 1 AND mrr_last > 0 THEN 1 ELSE 0 END) AS new_with_mrr,
                   (SELECT SUM(amount) FROM customer_order
                    WHERE status = 'BOOKED' AND order_date >= :from AND order_date < :end) AS booked_amount
            FROM (
                SELECT c.mrr_last,
                       %3$s AS active_open,
                       %4$s AS active_last,
                       CASE WHEN fd.first_date >= :from AND fd.first_date < :end THEN 1 ELSE 0 END AS is_new
                FROM (
                    SELECT account_id,
                           %7$s,
                           SUM(mrr_last) AS mrr_last
                    FROM (
                        SELECT account_id,
                               %5$s,
                               SUM(CASE WHEN %6$s THEN mrr ELSE 0 END) AS mrr_last
                        FROM subscription
                        WHERE start_date < :end
                        GROUP BY account_id
                        UNION ALL
                        SELECT account_id, 0, 0, CAST(NULL AS DATE), CAST(NULL AS DATE),
                               MAX(CASE WHEN order_date <= %1$s THEN order_date END),
                               MAX(order_date),
                               0
                        FROM customer_order
                        WHERE subscription_id IS NULL AND status = 'BOOKED'
                          AND order_date >= DATE_SUB(%1$s, INTERVAL 364 DAY) AND order_date <= %2$s
                        GROUP BY account_id
                        UNION ALL
                        -- the new customers: a first customer date in the window
                        SELECT account_id, 0, 0, CAST(NULL AS DATE), CAST(NULL AS DATE), CAST(NULL AS DATE),
                               CAST(NULL AS DATE), 0
                        FROM customer_first_date
                        WHERE first_date >= :from AND first_date < :end
                    ) u
                    GROUP BY account_id
                ) c
                JOIN account a ON a.id = c.account_id
                LEFT JOIN customer_first_date fd ON fd.account_id = c.account_id
            ) x
            """.formatted(OPEN, LAST,
            activeOn(OPEN, "c.runs_open", "c.one_off_open", "c.end_open"),
            activeOn(LAST, "c.runs_last", "c.one_off_last", "c.end_last"),
            SUBSCRIPTION_DAYS, subscriptionActiveOn(LAST), ACCOUNT_DAYS);

    /**
     * Every account's first customer date and first booked one-off order, over its whole history. Taking them
     * from there instead of from the rows before the window's end changes nothing: an account the figures
     * count has a subscription or a booked order before the end, so its first date lies before the end too,
     * and "a one-off order before the window" asks only for the first one. Built in one transaction, which
     * computations on other connections do not see half done.
     */
    private static final List<String> FIRST_DATES = List.of(
            "DELETE FROM customer_first_date",
            """
            INSERT INTO customer_first_date (account_id, first_date, first_one_off)
            SELECT account_id, MIN(first_date), MIN(first_one_off)
            FROM (SELECT account_id, MIN(start_date) AS first_date, CAST(NULL AS DATE) AS first_one_off
                  FROM subscription
                  GROUP BY account_id
                  UNION ALL
                  SELECT account_id, MIN(order_date), CAST(NULL AS DATE)
                  FROM customer_order
                  WHERE status = 'BOOKED'
                  GROUP BY account_id
                  UNION ALL
                  SELECT account_id, MIN(order_date), MIN(order_date)
                  FROM customer_order
                  WHERE subscription_id IS NULL AND status = 'BOOKED'
                  GROUP BY account_id) u
            GROUP BY account_id""",
            """
            REPLACE INTO kpi_derived (table_name, source_version, built_at)
            VALUES ('customer_first_date', :version, CURRENT_TIMESTAMP)""");

    private static final String FIRST_DATES_VERSION =
            "SELECT source_version FROM kpi_derived WHERE table_name = 'customer_first_date'";

    /**
     * The source rows the customer figures of {@code period} read (see {@link KpiCalculator#reads}): the whole
     * customer history up to its end, and the accounts, whose current segment the figures are broken down by.
     */
    static List<SourceWindow> reads(ReportingPeriod period) {
        return List.of(SourceWindow.all("account"), SourceWindow.upTo("customer_order", period),
                SourceWindow.upTo("subscription", period));
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SourceChanges changes;
    /**
     * The computation this thread works for; none outside one. Several threads of one computation share it: a
     * window the first of them reads, the others wait for.
     */
    private final ThreadLocal<Computation> computation = new ThreadLocal<>();

    CustomerQueries(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager,
            SourceChanges changes) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.changes = changes;
    }

    /**
     * What one computation has read: the figures by window, and whether {@code customer_first_date} is known to
     * be current. {@code rebuild}: build it afresh whatever its recorded version says, for a computation that
     * must see rows written without recording a change (a forced computation, a call outside the engine).
     */
    static final class Computation {
        private final Map<List<LocalDate>, Figures> figures = new ConcurrentHashMap<>();
        private final Map<LocalDate, Year> years = new ConcurrentHashMap<>();
        private final boolean rebuild;
        private boolean firstDatesCurrent;

        private Computation(boolean rebuild) {
            this.rebuild = rebuild;
        }
    }

    /**
     * Runs one computation of a period's KPIs, in which the calculators that need the same window's
     * figures (customers, revenue, unit economics) share one pass over the customer history instead
     * of each reading it again. Outside it every call reads the database afresh. A call inside an open
     * computation joins it: a caller that computes several periods in one computation reads a window
     * (the trailing year of a month, say) that two of them share only once.
     */
    <T> T sharingFigures(Supplier<T> work) {
        return sharingFigures(true, work);
    }

    /**
     * {@link #sharingFigures(Supplier)}, where {@code rebuild} false lets the computation use the stored first
     * customer dates while the change versions of subscription and customer_order are those they were built
     * from (the engine's incremental update, which trusts those versions for its stored values too).
     */
    <T> T sharingFigures(boolean rebuild, Supplier<T> work) {
        if (computation.get() != null) {
            return work.get();
        }
        return joining(new Computation(rebuild), work);
    }

    /** The computation open on this thread, to hand to the threads that work for it; null outside one. */
    Computation openComputation() {
        return computation.get();
    }

    /**
     * Whether the computation open on this thread trusts the change versions, as the engine's incremental update
     * does: a table derived from source tables may then be used while their versions are those it was built from.
     * False outside a computation and in one that must see rows written without recording a change.
     */
    boolean trustsChangeVersions() {
        Computation current = computation.get();
        return current != null && !current.rebuild;
    }

    /** Runs {@code work} on this thread as part of the computation {@code open} (see {@link #openComputation}). */
    <T> T joining(Computation open, Supplier<T> work) {
        computation.set(open);
        try {
            return work.get();
        } finally {
            computation.remove();
        }
    }

    /**
     * The customer figures of the window {@code [from, end)} against its opening day {@code open}:
     * "active at the start" means active on {@code open}, "active at the end" active on
     * {@code end − 1 day}, "new" a first customer date in the window, "booked" an order booked in the
     * window; the revenue retention base is the MRR on {@code end − 1 day − 365 days}.
     */
    Figures figures(LocalDate open, LocalDate from, LocalDate end) {
        return shared(c -> c.figures, List.of(open, from, end), w -> read(open, from, end));
    }

    /**
     * What {@code reader} reads for {@code key}, once per computation ({@code cache} the computation's map of
     * it), after the first customer dates are current; outside a computation in one of its own.
     */
    private <K, V> V shared(Function<Computation, Map<K, V>> cache, K key, Function<K, V> reader) {
        Computation current = computation.get();
        if (current == null) {
            return sharingFigures(() -> shared(cache, key, reader));
        }
        firstDates(current);
        return cache.apply(current).computeIfAbsent(key, reader);
    }

    /**
     * Makes {@code customer_first_date} current for the computation, once: builds it when the computation asks
     * for that or when subscription or customer_order changed since it was built. The versions are read before
     * the build, so that a change committed during it leaves the table older than its recorded version says and
     * the next computation builds it again.
     */
    private void firstDates(Computation current) {
        synchronized (current) {
            if (current.firstDatesCurrent) {
                return;
            }
            SourceChanges.Snapshot snapshot = changes.snapshot();
            long version = snapshot.version("subscription", null, null)
                    + snapshot.version("customer_order", null, null);
            List<Long> built = jdbc.getJdbcOperations().queryForList(FIRST_DATES_VERSION, Long.class);
            if (current.rebuild || !built.equals(List.of(version))) {
                var params = new MapSqlParameterSource("version", version);
                transactions.executeWithoutResult(status -> FIRST_DATES.forEach(sql -> jdbc.update(sql, params)));
            }
            current.firstDatesCurrent = true;
        }
    }

    /** The figures of a period: its opening day is the last day of the period before it. */
    Figures period(ReportingPeriod period) {
        return figures(period.start().minusDays(1), period.start(), period.end());
    }

    /** The trailing-year figures of the 365 days up to {@code end}, which open on their first day, {@code end − 365 days}. */
    Year trailingYear(LocalDate end) {
        return shared(c -> c.years, end, this::readYear);
    }

    private Year readYear(LocalDate end) {
        LocalDate from = end.minusDays(365);
        var params = new MapSqlParameterSource("open", from).addValue("from", from).addValue("end", end)
                .addValue("last", end.minusDays(1));
        return jdbc.queryForObject(YEAR, params, (rs, i) -> new Year(rs.getLong("active_open"),
                rs.getLong("active_last"), rs.getLong("churned"), rs.getLong("new_customers"),
                orZero(rs.getBigDecimal("new_mrr_last")), rs.getLong("new_with_mrr"),
                orZero(rs.getBigDecimal("booked_amount"))));
    }

    private static BigDecimal orZero(BigDecimal sum) {
        return sum == null ? BigDecimal.ZERO : sum;
    }

    private Figures read(LocalDate open, LocalDate from, LocalDate end) {
        LocalDate last = end.minusDays(1);
        var params = new MapSqlParameterSource("open", open).addValue("from", from).addValue("end", end)
                .addValue("last", last).addValue("base", last.minusDays(365));
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
        return new Segment(rs.getLong("active_open"), rs.getLong("active_last"), rs.getLong("churned"),
                rs.getLong("gained"), rs.getLong("new_customers"), rs.getBigDecimal("mrr_open"),
                rs.getLong("subscriptions_open"), rs.getBigDecimal("mrr_lost"), rs.getBigDecimal("mrr_last"),
                rs.getBigDecimal("new_mrr_last"), rs.getLong("new_with_mrr"), rs.getLong("base_accounts"),
                rs.getBigDecimal("mrr_base"), rs.getBigDecimal("base_mrr_last"), rs.getBigDecimal("base_mrr_kept"),
                rs.getLong("buyers"), rs.getLong("one_off_buyers"), rs.getLong("repeat_buyers"),
                rs.getLong("relationship_days"), rs.getBigDecimal("booked_amount"),
                rs.getBigDecimal("new_booked_amount"));
    }

    /**
     * The figures of the 365 days up to a day, in total: the trailing year the unit economics rest on. The same
     * terms as in {@link Segment}, whose window starts and opens on the year's first day.
     *
     * @param activeAtStart accounts active on the year's first day
     * @param activeAtEnd   accounts active on its last day
     * @param churned       accounts active on the first day and not on the last
     * @param newCustomers  accounts whose first customer date lies in the year
     * @param newMrrAtEnd   Σ mrr on the last day of the new customers' subscriptions
     * @param newWithMrr    new customers with MRR on the last day
     * @param booked        Σ amount of the orders booked in the year
     */
    record Year(long activeAtStart, long activeAtEnd, long churned, long newCustomers, BigDecimal newMrrAtEnd,
            long newWithMrr, BigDecimal booked) {
    }

    /** The figures in total and per segment code ({@value #NO_SEGMENT} for accounts without one). */
    record Figures(Segment total, Map<String, Segment> segments) {
    }

    /**
     * Customer figures of one segment or of all accounts.
     *
     * @param activeAtStart     accounts active on the opening day
     * @param activeAtEnd       accounts active on the window's last day
     * @param churned           accounts active on the opening day and not on the last
     * @param gained            accounts active on the last day and not on the opening day: new or reactivated
     * @param newCustomers      accounts whose first customer date lies in the window
     * @param mrrAtStart        Σ mrr of subscriptions active on the opening day
     * @param subscriptionsAtStart the subscriptions active on the opening day
     * @param mrrLost           Σ mrr of subscriptions active on the opening day and not on the last
     * @param mrrAtEnd          Σ mrr of subscriptions active on the last day
     * @param newMrrAtEnd       the part of {@code mrrAtEnd} of new customers' subscriptions
     * @param newWithMrr        new customers with MRR on the last day
     * @param baseAccounts      accounts with MRR a year before the last day (the revenue retention base)
     * @param mrrAtBase         their MRR then
     * @param baseMrrAtEnd      their MRR on the last day
     * @param baseMrrKept       Σ over them of the smaller of the two
     * @param buyers            accounts with a booked order in the window
     * @param oneOffBuyers      accounts with a booked one-off order in the window
     * @param repeatBuyers      one-off buyers with a booked one-off order before the window as well
     * @param relationshipDays  Σ over accounts active on the last day of days since their first customer date
     * @param booked            Σ amount of booked orders in the window (subscription invoices included)
     * @param bookedByNew       the part of {@code booked} of new customers
     */
    record Segment(long activeAtStart, long activeAtEnd, long churned, long gained, long newCustomers,
            BigDecimal mrrAtStart, long subscriptionsAtStart, BigDecimal mrrLost, BigDecimal mrrAtEnd,
            BigDecimal newMrrAtEnd, long newWithMrr, long baseAccounts, BigDecimal mrrAtBase, BigDecimal baseMrrAtEnd,
            BigDecimal baseMrrKept, long buyers, long oneOffBuyers, long repeatBuyers, long relationshipDays,
            BigDecimal booked, BigDecimal bookedByNew) {

        static final Segment EMPTY = new Segment(0, 0, 0, 0, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0, BigDecimal.ZERO,
                BigDecimal.ZERO);
    }
}

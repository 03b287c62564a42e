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
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shared customer terms of kpi-vocabulary.md (version 2), written once: "active customer on
 * day d", "opening day", "first customer date" and "new customer in P", together with the MRR and
 * booked revenue that revenue, customer and unit-economics KPIs relate to them. One query per window
 * sums them per segment (the account's current segment) and in total.
 *
 * <p>An account is active on day d when a subscription of it runs on d, or when it has a booked
 * one-off order (no {@code subscription_id}) dated in {@code [d − 364 days, d]} and not before the
 * end of any of its subscriptions that ended by d. Subscription invoices never make an account
 * active: a subscriber who cancels stops being active on the subscription's {@code end_date}.
 * That set is worked out once for all days, as spans per account in {@code customer_active_span}
 * (see {@link #DERIVED}), whenever subscription, customer_order or account changed; every window and calculator
 * that asks for the active customers of a day looks them up there.
 */
@Component
class CustomerQueries {

    static final String NO_SEGMENT = "(none)";

    /** A subscription active on the day: started by then and not yet ended ({@code end_date} is the first day off). */
    static String subscriptionActiveOn(String day) {
        return "start_date <= " + day + " AND (end_date IS NULL OR end_date > " + day + ")";
    }

    /**
     * Whether the row {@code span} of {@code customer_active_span} covers {@code day} (SQL expressions): its
     * account is active that day. At most one span of an account covers a day, so a join on the account and this
     * condition finds one row for an active account and none for another.
     */
    static String activeOn(String span, String day) {
        return span + ".active_from <= " + day + " AND " + span + ".active_until > " + day;
    }

    /*
     * The days of a window as dates, where a function takes them (DATEDIFF, LEAST). Compared with a column they are
     * bound as they are: the server converts such a constant once, where it casts it again on every row.
     */
    private static final String OPEN = "CAST(:open AS DATE)";
    private static final String LAST = "CAST(:last AS DATE)";
    private static final String BASE = "CAST(:base AS DATE)";

    /**
     * The spans that reach into [open, last], the only ones that can make an account active on either day. Of an
     * account at most one covers the opening day and at most one the last: of these spans the one that starts by
     * the opening day covers it, and the one that ends after the last day covers that.
     */
    private static final String SPANS_OPEN_TO_LAST = """
            FROM customer_active_span
            WHERE active_until > :open AND active_from <= :last""";

    /**
     * Counted over {@link #SPANS_OPEN_TO_LAST}, one span per account and day: the accounts active on the opening
     * day and on the last, and the spans that leave (cover the opening day and end by the last) and that join
     * (start after the opening day and cover the last). An account that has one of each, {@link #REACTIVATED}, is
     * active on both days; any other account with a leaving span churned, and any other with a joining span was
     * gained.
     */
    private static final String ACTIVE_OPEN_LAST = """
            COUNT(CASE WHEN active_from <= :open THEN 1 END) AS active_open,
            COUNT(CASE WHEN active_until > :last THEN 1 END) AS active_last,
            COUNT(CASE WHEN active_from <= :open AND active_until <= :last THEN 1 END) AS leaving,
            COUNT(CASE WHEN active_from > :open AND active_until > :last THEN 1 END) AS joining""";

    /**
     * One row per account that left and joined again between the opening day and the last (see
     * {@link #ACTIVE_OPEN_LAST}), with its segment: only the spans that start or end between the two days are
     * grouped per account.
     */
    private static final String REACTIVATED = """
            SELECT MIN(COALESCE(segment, '(none)')) AS seg
            %s
              AND ((active_from <= :open AND active_until <= :last) OR (active_from > :open AND active_until > :last))
            GROUP BY account_id
            HAVING COUNT(*) = 2""".formatted(SPANS_OPEN_TO_LAST);

    /** Whether the account whose first customer date is {@code firstDate} is a new customer in [from, end). */
    private static String newInWindow(String firstDate) {
        return firstDate + " >= :from AND " + firstDate + " < :end";
    }

    /**
     * The customer figures of a window, per segment WITH ROLLUP (the NULL row is the total). Each source is summed
     * per segment on its own, so that no account's rows are brought together from several sources; each sum needs
     * one source and the account's segment, first customer date and first one-off order alone, which the spans and
     * {@code customer_subscription} carry and the orders find in the account's row of {@code customer_first_date}:
     * <ul>
     * <li>the spans that reach into [open, last], counted per segment without grouping them per account
     * ({@link #ACTIVE_OPEN_LAST}): who is active on the opening day {@code :open} and on {@code :last}, who churned
     * or was gained, and how long an account active on the last day has been a customer;
     * <li>the first customer dates in the window: the new customers;
     * <li>the subscriptions that run on the opening day, the last day or {@code :base} (a year before the last
     * day, for revenue retention): the account's MRR on each, and what of it a new customer has;
     * <li>the window's booked orders through a covering index: who bought, one-off or again, and for how much.
     * </ul>
     * Every account with a span, subscription or booked order has its row in {@code customer_first_date} (see
     * {@link #DERIVED}), built in the same transaction.
     */
    private static final String FIGURES = """
            SELECT seg,
                   SUM(active_open) AS active_open, SUM(active_last) AS active_last, SUM(churned) AS churned,
                   SUM(gained) AS gained, SUM(new_customers) AS new_customers, SUM(mrr_open) AS mrr_open,
                   SUM(subscriptions_open) AS subscriptions_open, SUM(mrr_lost) AS mrr_lost,
                   SUM(mrr_last) AS mrr_last, SUM(new_mrr_last) AS new_mrr_last, SUM(new_with_mrr) AS new_with_mrr,
                   SUM(base_accounts) AS base_accounts, SUM(mrr_base) AS mrr_base,
                   SUM(base_mrr_last) AS base_mrr_last, SUM(base_mrr_kept) AS base_mrr_kept,
                   SUM(buyers) AS buyers, SUM(one_off_buyers) AS one_off_buyers,
                   SUM(repeat_buyers) AS repeat_buyers, SUM(relationship_days) AS relationship_days,
                   SUM(booked_amount) AS booked_amount, SUM(new_booked_amount) AS new_booked_amount
            FROM (
                SELECT COALESCE(segment, '(none)') AS seg,
                       active_open, active_last, leaving AS churned, joining AS gained,
                       0 AS new_customers, 0 AS mrr_open, 0 AS subscriptions_open, 0 AS mrr_lost, 0 AS mrr_last,
                       0 AS new_mrr_last, 0 AS new_with_mrr, 0 AS base_accounts, 0 AS mrr_base, 0 AS base_mrr_last,
                       0 AS base_mrr_kept, 0 AS buyers, 0 AS one_off_buyers, 0 AS repeat_buyers,
                       relationship_days, 0 AS booked_amount, 0 AS new_booked_amount
                FROM (SELECT segment,
                             %4$s,
                             SUM(CASE WHEN active_until > :last THEN DATEDIFF(%2$s, first_date) ELSE 0 END)
                                 AS relationship_days
                      %5$s
                      GROUP BY segment) a
                UNION ALL
                -- active on both days, counted above as churned and as gained
                SELECT seg, 0, 0, -COUNT(*), -COUNT(*), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
                FROM (%10$s) r
                GROUP BY seg
                UNION ALL
                SELECT COALESCE(segment, '(none)'), 0, 0, 0, 0, COUNT(*), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
                FROM customer_first_date
                WHERE first_date >= :from AND first_date < :end
                GROUP BY 1
                UNION ALL
                SELECT seg, 0, 0, 0, 0, 0,
                       SUM(mrr_open), SUM(subscriptions_open), SUM(mrr_lost), SUM(mrr_last),
                       SUM(CASE WHEN is_new = 1 THEN mrr_last ELSE 0 END),
                       SUM(CASE WHEN is_new = 1 AND mrr_last > 0 THEN 1 ELSE 0 END),
                       SUM(CASE WHEN mrr_base > 0 THEN 1 ELSE 0 END),
                       SUM(CASE WHEN mrr_base > 0 THEN mrr_base ELSE 0 END),
                       SUM(CASE WHEN mrr_base > 0 THEN mrr_last ELSE 0 END),
                       SUM(CASE WHEN mrr_base > 0 THEN LEAST(mrr_last, mrr_base) ELSE 0 END),
                       0, 0, 0, 0, 0, 0
                -- grouped per account in the order of the primary key, as the rows come, without a temporary table
                FROM (SELECT account_id,
                             MIN(COALESCE(segment, '(none)')) AS seg,
                             MIN(CASE WHEN %9$s THEN 1 ELSE 0 END) AS is_new,
                             SUM(CASE WHEN %6$s THEN mrr ELSE 0 END) AS mrr_open,
                             SUM(CASE WHEN %6$s THEN 1 ELSE 0 END) AS subscriptions_open,
                             SUM(CASE WHEN %6$s AND NOT (%7$s) THEN mrr ELSE 0 END) AS mrr_lost,
                             SUM(CASE WHEN %7$s THEN mrr ELSE 0 END) AS mrr_last,
                             SUM(CASE WHEN %8$s THEN mrr ELSE 0 END) AS mrr_base
                      FROM customer_subscription
                      -- running on the opening day, the last day or the base day
                      WHERE start_date < :end AND (end_date IS NULL OR end_date > LEAST(%1$s, %3$s))
                      GROUP BY account_id) c
                GROUP BY seg
                UNION ALL
                SELECT COALESCE(fd.segment, '(none)'), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                       COUNT(*), SUM(bought_one_off),
                       SUM(CASE WHEN bought_one_off = 1 AND fd.first_one_off < :from THEN 1 ELSE 0 END),
                       0, SUM(booked_amount), SUM(CASE WHEN %11$s THEN booked_amount ELSE 0 END)
                FROM (SELECT account_id, SUM(amount) AS booked_amount,
                             MAX(CASE WHEN subscription_id IS NULL THEN 1 ELSE 0 END) AS bought_one_off
                      FROM customer_order
                      WHERE status = 'BOOKED' AND order_date >= :from AND order_date < :end
                      GROUP BY account_id) c
                JOIN customer_first_date fd ON fd.account_id = c.account_id
                GROUP BY 1
            ) u
            GROUP BY seg WITH ROLLUP
            """.formatted(OPEN, LAST, BASE, ACTIVE_OPEN_LAST, SPANS_OPEN_TO_LAST,
            subscriptionActiveOn(":open"), subscriptionActiveOn(":last"), subscriptionActiveOn(":base"),
            newInWindow("first_date"), REACTIVATED, newInWindow("fd.first_date"));

    /**
     * The trailing-year figures the unit economics use, in total ({@link Year}), but the booked revenue: the
     * accounts active on the opening and the last day from their spans, and the new customers from
     * {@code customer_first_date} with the MRR of their subscriptions on the last day. Unlike {@link #FIGURES} it
     * does not group the window's orders per account (who bought, who bought again), which a year of orders makes
     * the costliest part of that query; the year's booked revenue is added up from its days ({@link #BOOKED}).
     */
    private static final String YEAR = """
            SELECT s.active_open, s.active_last, s.leaving - (SELECT COUNT(*) FROM (%5$s) r) AS churned,
                   n.new_customers, n.new_mrr_last, n.new_with_mrr
            FROM (SELECT %1$s
                  %2$s) s
            CROSS JOIN (
                SELECT COUNT(*) AS new_customers,
                       SUM(mrr_last) AS new_mrr_last,
                       SUM(CASE WHEN mrr_last > 0 THEN 1 ELSE 0 END) AS new_with_mrr
                FROM (SELECT fd.account_id, SUM(COALESCE(sub.mrr, 0)) AS mrr_last
                      FROM customer_first_date fd
                      LEFT JOIN (SELECT account_id, mrr FROM subscription WHERE %3$s) sub
                             ON sub.account_id = fd.account_id
                      WHERE %4$s
                      GROUP BY fd.account_id) x) n
            """.formatted(ACTIVE_OPEN_LAST, SPANS_OPEN_TO_LAST, subscriptionActiveOn(":last"),
            newInWindow("fd.first_date"), REACTIVATED);

    /** The booked revenue of {@code [from, to)}, from the days of {@code customer_booked_day}; NULL without any. */
    private static final String BOOKED = """
            SELECT SUM(booked) FROM customer_booked_day WHERE day >= :from AND day < :to""";

    /**
     * The tables derived from the customer history, built together in one transaction, which computations on
     * other connections do not see half done:
     *
     * <p>{@code customer_first_date}: every account's first customer date and first booked one-off order, over its
     * whole history, and its current segment, for every account with a subscription or a booked order. Taking
     * them from there instead of from the rows before the window's end changes nothing: an account the figures
     * count has a subscription or a booked order before the end, so its first date lies before the end too, and "a
     * one-off order before the window" asks only for the first one.
     *
     * <p>{@code customer_active_span}: the days each account is active, as spans [from, until) merged so that no two
     * of an account overlap or touch. A subscription makes its account active from its start until its end. A
     * booked one-off order of day o makes it active from o for 365 days (d − 364 ≤ o), but only until the first
     * end of one of its subscriptions after o: from that day on a subscription ended by d ended after o. An account
     * is active on d exactly when one of these spans covers d, for the latest one-off order on or before d then
     * covers it too. Spans are merged in account order where one starts before the furthest end of those that
     * started before it (window functions; MariaDB 10.2 and MySQL 8 have them). The spans are made distinct first:
     * two equal ones could come in one order to the first window function and in the other to the second, and
     * give two islands of the same start. Each span carries its account's segment and first customer date.
     *
     * <p>{@code customer_subscription}: every subscription with its account's segment and first customer date, in
     * the order of its account, for the figures to sum each account's MRR as the rows come.
     *
     * <p>{@code customer_booked_day}: the booked revenue of each day with a booked order, which a trailing year
     * adds up.
     */
    private static final List<String> DERIVED = List.of(
            "DELETE FROM customer_first_date",
            """
            INSERT INTO customer_first_date (account_id, first_date, first_one_off, segment)
            SELECT f.account_id, f.first_date, f.first_one_off, a.segment
            FROM (SELECT account_id, MIN(first_date) AS first_date, MIN(first_one_off) AS first_one_off
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
                  GROUP BY account_id) f
            -- the account's current segment, once per customer
            JOIN account a ON a.id = f.account_id""",
            "DELETE FROM customer_subscription",
            """
            INSERT INTO customer_subscription (account_id, subscription_id, start_date, end_date, mrr, segment,
                                               first_date)
            SELECT s.account_id, s.id, s.start_date, s.end_date, s.mrr, fd.segment, fd.first_date
            FROM subscription s
            JOIN customer_first_date fd ON fd.account_id = s.account_id""",
            "DELETE FROM customer_booked_day",
            """
            INSERT INTO customer_booked_day (day, booked)
            SELECT order_date, SUM(amount)
            FROM customer_order
            WHERE status = 'BOOKED'
            GROUP BY order_date""",
            "DELETE FROM customer_active_span",
            """
            INSERT INTO customer_active_span (account_id, active_from, active_until, segment, first_date)
            SELECT i.account_id, i.active_from, i.active_until, fd.segment, fd.first_date
            FROM (SELECT account_id, MIN(active_from) AS active_from, MAX(active_until) AS active_until
                  FROM (SELECT account_id, active_from, active_until,
                               SUM(starts) OVER (PARTITION BY account_id ORDER BY active_from, active_until
                                                 ROWS UNBOUNDED PRECEDING) AS island
                        FROM (SELECT account_id, active_from, active_until,
                                     CASE WHEN active_from <= MAX(active_until) OVER (
                                                   PARTITION BY account_id ORDER BY active_from, active_until
                                                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
                                          THEN 0 ELSE 1 END AS starts
                              FROM (SELECT account_id, start_date AS active_from,
                                           COALESCE(end_date, DATE '9999-12-31') AS active_until
                                    FROM subscription
                                    WHERE end_date IS NULL OR end_date > start_date
                                    -- distinct: both window functions then see one order of an account's spans
                                    UNION
                                    SELECT account_id, day,
                                           LEAST(DATE_ADD(day, INTERVAL 365 DAY),
                                                 COALESCE(next_end, DATE '9999-12-31'))
                                    FROM (SELECT account_id, day, is_order,
                                                 -- the first end of a subscription after the day: an account's
                                                 -- order days and ends latest first, an order before an end of its
                                                 -- day, so that only the ends of later days come before the order
                                                 MIN(CASE WHEN is_order = 0 THEN day END) OVER (
                                                     PARTITION BY account_id ORDER BY day DESC, is_order DESC
                                                     ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS next_end
                                          FROM (SELECT account_id, order_date AS day, 1 AS is_order
                                                FROM customer_order
                                                WHERE subscription_id IS NULL AND status = 'BOOKED'
                                                UNION ALL
                                                SELECT account_id, end_date, 0
                                                FROM subscription
                                                WHERE end_date IS NOT NULL) days) ordered
                                    WHERE is_order = 1) spans) marked) islands
                  GROUP BY account_id, island) i
            -- the account's segment and first customer date, for the figures to count the spans per segment
            JOIN customer_first_date fd ON fd.account_id = i.account_id""",
            """
            REPLACE INTO kpi_derived (table_name, source_version, built_at)
            VALUES ('customer_history', :version, CURRENT_TIMESTAMP)""");

    private static final String ANALYZE_DERIVED =
            "ANALYZE TABLE customer_first_date, customer_active_span, customer_subscription, customer_booked_day";

    private static final String DERIVED_VERSION =
            "SELECT source_version FROM kpi_derived WHERE table_name = 'customer_history'";

    /** Whether the server writes a statement-based binary log, which refuses writes from a READ COMMITTED read. */
    private static final String STATEMENT_LOG = "SELECT @@log_bin = 1 AND @@binlog_format = 'STATEMENT'";

    /**
     * The source rows the customer figures of {@code period} read (see {@link KpiCalculator#reads}): the whole
     * customer history up to its end, and the accounts, whose current segment the figures are broken down by.
     */
    static List<SourceWindow> reads(ReportingPeriod period) {
        return List.of(SourceWindow.all("account"), SourceWindow.upTo("customer_order", period),
                SourceWindow.upTo("subscription", period));
    }

    private final NamedParameterJdbcTemplate jdbc;
    /**
     * The build of the derived tables ({@link #DERIVED}): READ COMMITTED, in which the server reads the sources of
     * an {@code INSERT … SELECT} as they were committed when the statement began, without locking them. In
     * REPEATABLE READ it locks every row it reads until the build commits: an import writing an order waits for
     * the build, and the build for an import's open transaction, up to the lock wait timeout. Each statement reads
     * its own snapshot; the versions are read before the first, so that a change committed between two of them
     * leaves the tables older than their recorded version says and the next computation builds them again. A
     * server writing a statement-based binary log refuses such writes: there the build locks ({@link #lockingBuild}).
     * Inside a caller's transaction the build joins it, at the caller's level, so that the caller sees the tables
     * it built: a batch step that computes on its own thread ({@code kpi.compute-threads} 1, or a single
     * computation to run) still locks. Not {@link SnapshotCopy}, which serves derived tables of a few hundred rows:
     * these hold about one row per customer, and would pass through the heap.
     */
    private final TransactionTemplate build;
    private final TransactionTemplate lockingBuild;
    private final SourceChanges changes;
    /**
     * The computation this thread works for; none outside one. Several threads of one computation share it: a
     * window the first of them reads, the others wait for.
     */
    private final ThreadLocal<Computation> computation = new ThreadLocal<>();

    CustomerQueries(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager,
            SourceChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.build = new TransactionTemplate(transactionManager);
        this.lockingBuild = new TransactionTemplate(transactionManager);
        this.build.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /**
     * What one computation has read: the figures by window, and whether the derived tables ({@link #DERIVED}) are
     * known to be current. {@code rebuild}: build them afresh whatever their recorded version says, for a computation that
     * must see rows written without recording a change (a forced computation, a call outside the engine).
     */
    static final class Computation {
        private final Map<List<LocalDate>, Figures> figures = new ConcurrentHashMap<>();
        private final Map<LocalDate, Year> years = new ConcurrentHashMap<>();
        private final boolean rebuild;
        private boolean derivedCurrent;

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
     * customer dates while the change versions of subscription, customer_order and account are those they were built
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
     * Makes the tables derived from the customer history current for the computation open on this thread (see
     * {@link #DERIVED}), for a query that joins them itself; within a computation they are checked once.
     */
    void currentHistory() {
        Computation current = computation.get();
        if (current == null) {
            throw new IllegalStateException("The customer history is made current within a computation only");
        }
        derivedTables(current);
    }

    /**
     * What {@code reader} reads for {@code key}, once per computation ({@code cache} the computation's map of
     * it), after the derived tables are current; outside a computation in one of its own.
     */
    private <K, V> V shared(Function<Computation, Map<K, V>> cache, K key, Function<K, V> reader) {
        Computation current = computation.get();
        if (current == null) {
            return sharingFigures(() -> shared(cache, key, reader));
        }
        derivedTables(current);
        return cache.apply(current).computeIfAbsent(key, reader);
    }

    /**
     * Makes the derived tables ({@link #DERIVED}) current for the computation, once: builds them when the
     * computation asks for that or when subscription, customer_order or account changed since they were built. The
     * versions are read before the build, so that a change committed during it leaves the tables older than their
     * recorded version says and the next computation builds them again.
     */
    private void derivedTables(Computation current) {
        synchronized (current) {
            if (current.derivedCurrent) {
                return;
            }
            SourceChanges.Snapshot snapshot = changes.snapshot();
            long version = snapshot.version("subscription", null, null)
                    + snapshot.version("customer_order", null, null) + snapshot.version("account", null, null);
            List<Long> built = jdbc.getJdbcOperations().queryForList(DERIVED_VERSION, Long.class);
            if (current.rebuild || !built.equals(List.of(version))) {
                var params = new MapSqlParameterSource("version", version);
                boolean statementLog = Boolean.TRUE.equals(
                        jdbc.getJdbcOperations().queryForObject(STATEMENT_LOG, Boolean.class));
                (statementLog ? lockingBuild : build)
                        .executeWithoutResult(status -> DERIVED.forEach(sql -> jdbc.update(sql, params)));
                analyzeDerived();
            }
            current.derivedCurrent = true;
        }
    }

    /**
     * Brings the optimizer's statistics of the rebuilt tables up to date before any query joins them. The server
     * recounts a table's rows in the background some time after a large change; a query planned before that sees
     * the spans as empty and scans all of them for every activity it joins them with (hours instead of a second).
     * ANALYZE commits on its own, so it runs after the build's transaction.
     */
    private void analyzeDerived() {
        jdbc.getJdbcOperations().query(ANALYZE_DERIVED, rs -> {
            if ("error".equalsIgnoreCase(rs.getString("Msg_type"))) {
                throw new IllegalStateException("Could not analyze the derived table " + rs.getString("Table") + ": "
                        + rs.getString("Msg_text"));
            }
        });
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
        BigDecimal booked = booked(from, end);
        return jdbc.queryForObject(YEAR, params, (rs, i) -> new Year(rs.getLong("active_open"),
                rs.getLong("active_last"), rs.getLong("churned"), rs.getLong("new_customers"),
                orZero(rs.getBigDecimal("new_mrr_last")), rs.getLong("new_with_mrr"), booked));
    }

    /** Σ amount of the orders booked in {@code [from, to)}, added up from its days. */
    private BigDecimal booked(LocalDate from, LocalDate to) {
        return orZero(jdbc.queryForObject(BOOKED, new MapSqlParameterSource("from", from).addValue("to", to),
                BigDecimal.class));
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

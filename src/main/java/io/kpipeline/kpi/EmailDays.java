package io.kpipeline.kpi;

import io.kpipeline.model.SourceChanges;
import io.kpipeline.period.DayRuns;
import io.kpipeline.period.ReportingPeriod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The emails counted per day ({@code email_day}): by kind, campaign, rep and status, with how many of them were
 * opened or clicked, clicked, unsubscribed from and answered. A report's email KPIs add up the few rows of its
 * days, and a day counted once serves every report that covers it: the week, the month, the quarter and the year.
 * A day is counted again when the change version of its month of {@code email_message} moved since
 * ({@link SourceChanges}), and always for a computation that does not trust those versions (a forced one, a call
 * outside the engine). The freshness gate reads the emails per day of the days counted and still current
 * ({@link #emailsOfCountedDays}).
 */
@Component
public class EmailDays {

    private static final String BUILT = """
            SELECT day, source_version FROM email_day_built WHERE day >= :from AND day < :to""";

    /**
     * Counts the emails sent on the days {@code [from, to)}: one pass over their entries of the covering index
     * {@code ix_email_message_sent_cover}. The inner query groups by that index's leading columns in their order,
     * so the server adds up each run of equal entries as the index delivers them, without a temporary table; the
     * outer one adds those groups (a few per second of sending) up per day. {@code COUNT(column)} counts the
     * emails where it is set. An email counts as opened when it was opened or clicked: a click proves an open.
     * Its few rows (386 for a month of 2.1 million emails) are written by {@link SnapshotCopy}, which does not lock
     * the emails it reads.
     */
    private static final String COUNT = """
            SELECT CAST(sent_at AS DATE) AS sent_on, kind, campaign_id, rep_id, status,
                   SUM(emails) AS emails, SUM(opened_or_clicked) AS opened_or_clicked, SUM(clicked) AS clicked,
                   SUM(unsubscribed) AS unsubscribed, SUM(replied) AS replied
            FROM (SELECT sent_at, kind, status, campaign_id, rep_id,
                         COUNT(*)                               AS emails,
                         COUNT(COALESCE(opened_at, clicked_at)) AS opened_or_clicked,
                         COUNT(clicked_at)                      AS clicked,
                         COUNT(unsubscribed_at)                 AS unsubscribed,
                         COUNT(replied_at)                      AS replied
                  FROM email_message
                  WHERE sent_at >= :from AND sent_at < :to
                  GROUP BY sent_at, kind, status, campaign_id, rep_id) s
            GROUP BY sent_on, kind, campaign_id, rep_id, status""";

    private static final List<String> FORGET = List.of(
            "DELETE FROM email_day WHERE day >= :from AND day < :to",
            "DELETE FROM email_day_built WHERE day >= :from AND day < :to");

    private static final String WRITE = """
            INSERT INTO email_day (day, kind, campaign_id, rep_id, status, emails, opened_or_clicked, clicked,
                                   unsubscribed, replied)
            VALUES (:sent_on, :kind, :campaign_id, :rep_id, :status, :emails, :opened_or_clicked, :clicked,
                    :unsubscribed, :replied)""";

    /** The emails of each counted day in {@code [from, to)}, with the version it was counted from. */
    private static final String EMAILS_PER_DAY = """
            SELECT b.day, b.source_version, COALESCE(SUM(d.emails), 0) AS emails
            FROM email_day_built b
            LEFT JOIN email_day d ON d.day = b.day
            WHERE b.day >= :from AND b.day < :to
            GROUP BY b.day, b.source_version""";

    private static final String MARK = "INSERT INTO email_day_built (day, source_version) VALUES (:day, :version)";

    /**
     * One writer at a time, also across processes: the row of {@code email_day} in {@code kpi_derived}, locked by
     * the counting transaction until it commits. Whoever waited for it finds the days counted and leaves them.
     */
    private static final String LOCK = """
            INSERT INTO kpi_derived (table_name, source_version, built_at)
            VALUES ('email_day', 0, CURRENT_TIMESTAMP)
            ON DUPLICATE KEY UPDATE built_at = CURRENT_TIMESTAMP""";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    /** Outside the caller's transaction: each statement sees what has been committed, the counts among it. */
    private final TransactionTemplate outside;
    private final SourceChanges changes;
    private final CustomerQueries computations;

    EmailDays(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager, SourceChanges changes,
            CustomerQueries computations) {
        this.jdbc = jdbc;
        // a transaction of its own, committed before the computation goes on: the counts and the lock are not
        // held until the end of the batch step that asked for them
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.outside = new TransactionTemplate(transactionManager);
        this.outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.changes = changes;
        this.computations = computations;
    }

    /**
     * Brings the counts of every day of {@code periods} up to date ({@link #bringUpToDate}), then runs
     * {@code reader}, both outside the caller's transaction: the counts commit in transactions of their own, and a
     * caller's transaction that has read before (a batch step's) would still see the days as they were then.
     */
    <T> T afterCounting(List<ReportingPeriod> periods, Supplier<T> reader) {
        return outside.execute(status -> {
            bringUpToDate(periods);
            return reader.get();
        });
    }

    /**
     * Makes the counts of every day of {@code periods} current: counts the days not counted yet, those whose
     * month changed since, and all of them when the open computation does not trust the change versions. The
     * versions are read before counting, so that a change committed meanwhile leaves a day older than its recorded
     * version says, and the next report counts it again.
     */
    private void bringUpToDate(List<ReportingPeriod> periods) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (ReportingPeriod period : periods) {
            period.start().datesUntil(period.end()).forEach(days::add);
        }
        if (days.isEmpty()) {
            return;
        }
        MonthVersions versions = new MonthVersions(changes.snapshot());
        boolean all = !computations.trustsChangeVersions();
        Map<LocalDate, Long> counted = all ? Map.of() : counted(days.first(), days.last().plusDays(1));
        // the days to count, by month: each month's runs of consecutive days are counted in one pass each
        Map<LocalDate, List<LocalDate>> stale = new TreeMap<>();
        for (LocalDate day : days) {
            if (all || !Objects.equals(counted.get(day), versions.of(day))) {
                stale.computeIfAbsent(day.withDayOfMonth(1), month -> new ArrayList<>()).add(day);
            }
        }
        stale.forEach((month, staleDays) -> DayRuns.of(staleDays)
                .forEach(run -> count(run, versions.of(month), all)));
    }

    /**
     * The emails sent on each of {@code days} that is counted and whose month of {@code email_message} has not
     * changed since: what {@code COUNT(*)} per day of the table would give, from a few rows per day. Days not
     * counted, or changed since, are left out for the caller to count.
     */
    public Map<LocalDate, Long> emailsOfCountedDays(Set<LocalDate> days) {
        if (days.isEmpty()) {
            return Map.of();
        }
        MonthVersions versions = new MonthVersions(changes.snapshot());
        Map<LocalDate, Long> emails = new HashMap<>();
        jdbc.query(EMAILS_PER_DAY, new MapSqlParameterSource("from", Collections.min(days))
                .addValue("to", Collections.max(days).plusDays(1)), rs -> {
                    LocalDate day = rs.getObject("day", LocalDate.class);
                    if (days.contains(day) && rs.getLong("source_version") == versions.of(day)) {
                        emails.put(day, rs.getLong("emails"));
                    }
                });
        return emails;
    }

    /** The days of {@code [from, to)} that are counted, with the version each was counted from. */
    private Map<LocalDate, Long> counted(LocalDate from, LocalDate to) {
        Map<LocalDate, Long> counted = new HashMap<>();
        jdbc.query(BUILT, new MapSqlParameterSource("from", from).addValue("to", to),
                rs -> {
                    counted.put(rs.getObject("day", LocalDate.class), rs.getLong("source_version"));
                });
        return counted;
    }

    /** The change version of each day's month of {@code email_message} in one snapshot, worked out once a month. */
    private static final class MonthVersions {

        private final SourceChanges.Snapshot snapshot;
        private final Map<LocalDate, Long> byMonth = new HashMap<>();

        MonthVersions(SourceChanges.Snapshot snapshot) {
            this.snapshot = snapshot;
        }

        long of(LocalDate day) {
            return byMonth.computeIfAbsent(day.withDayOfMonth(1),
                    month -> snapshot.version("email_message", month, month.plusMonths(1)));
        }
    }

    /**
     * Counts the consecutive {@code days} of one month afresh and records them as of {@code version}; unless
     * {@code always}, not when another writer has counted them as of that version meanwhile.
     */
    private void count(List<LocalDate> days, long version, boolean always) {
        LocalDate to = days.get(days.size() - 1).plusDays(1);
        var range = new MapSqlParameterSource("from", days.get(0)).addValue("to", to);
        SqlParameterSource[] marks = days.stream().map(day -> new MapSqlParameterSource("day", day)
                .addValue("version", version)).toArray(SqlParameterSource[]::new);
        transactions.executeWithoutResult(status -> {
            jdbc.update(LOCK, Map.of());
            Map<LocalDate, Long> counted = always ? Map.of() : counted(days.get(0), to);
            if (!always && days.stream().allMatch(day -> Objects.equals(counted.get(day), version))) {
                return;
            }
            FORGET.forEach(sql -> jdbc.update(sql, range));
            SnapshotCopy.copy(jdbc, COUNT, range, WRITE);
            jdbc.batchUpdate(MARK, marks);
        });
    }
}

package io.kpipeline.kpi;

import io.kpipeline.model.SourceChanges;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The leads that closed, by the day of their WON event, the day of their LOST event and each open stage they
 * reached ({@code pipeline_closed_lead}), from which the pipeline adds up the stages' observed win rates of any
 * trailing year. Derived from {@code funnel_event} in one pass when a computation first needs it, and kept while
 * that table's change version is the one it was built from; built afresh for a computation that does not trust
 * those versions (a forced one, a call outside the engine).
 */
@Component
class ClosedLeadDays {

    /** The closed leads with their WON or LOST day in {@code [from, to)}: both days, whether in it or not. */
    private static final String READ = """
            SELECT won_on, lost_on, stage, leads
            FROM pipeline_closed_lead
            WHERE (won_on >= :from AND won_on < :to) OR (lost_on >= :from AND lost_on < :to)""";

    /**
     * The row of {@code pipeline_closed_lead} in {@code kpi_derived}, made to exist and then locked by the building
     * transaction until it commits: one writer at a time, also across processes. Whoever waited for it finds the
     * table built from the version it needs and leaves it.
     */
    private static final String ENSURE_ROW = """
            INSERT INTO kpi_derived (table_name, source_version, built_at)
            VALUES ('pipeline_closed_lead', -1, CURRENT_TIMESTAMP)
            ON DUPLICATE KEY UPDATE source_version = source_version""";

    private static final String LOCKED_VERSION =
            "SELECT source_version FROM kpi_derived WHERE table_name = 'pipeline_closed_lead' FOR UPDATE";

    /**
     * Each lead with a WON or LOST event once (a lead may hold both, one row per stage), by the days of the two,
     * joined with every open stage it reached, whenever: one look-up per closed lead instead of a distinct count
     * over every pair of events. Its few rows are written by {@link SnapshotCopy}, which does not lock the funnel
     * events it reads.
     */
    private static final String CLOSED = """
            SELECT c.won_on, c.lost_on, x.stage, COUNT(*) AS leads
            FROM (SELECT lead_id,
                         MAX(CASE WHEN stage = 'WON' THEN CAST(occurred_at AS DATE) END) AS won_on,
                         MAX(CASE WHEN stage = 'LOST' THEN CAST(occurred_at AS DATE) END) AS lost_on
                  FROM funnel_event
                  WHERE stage IN ('WON', 'LOST')
                  GROUP BY lead_id) c
            -- (lead_id, stage) is the key: a lead has one row per stage
            JOIN funnel_event x ON x.lead_id = c.lead_id
             AND x.stage IN ('SQL', 'FIRST_MEETING', 'SECOND_MEETING', 'OFFER', 'CONTRACT_SENT')
            GROUP BY c.won_on, c.lost_on, x.stage""";

    private static final String FORGET = "DELETE FROM pipeline_closed_lead";

    private static final String WRITE = """
            INSERT INTO pipeline_closed_lead (won_on, lost_on, stage, leads)
            VALUES (:won_on, :lost_on, :stage, :leads)""";

    private static final String BUILT = """
            UPDATE kpi_derived SET source_version = :version, built_at = CURRENT_TIMESTAMP
            WHERE table_name = 'pipeline_closed_lead'""";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SourceChanges changes;
    private final CustomerQueries computations;

    ClosedLeadDays(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager,
            SourceChanges changes, CustomerQueries computations) {
        this.jdbc = jdbc;
        // a transaction of its own, committed before the computation goes on: the lock is not held until the end
        // of the batch step that asked for the table, and the read sees what the build wrote
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.changes = changes;
        this.computations = computations;
    }

    /** Leads closed on the days of their WON and LOST event (either null: none), per open stage reached. */
    record Group(LocalDate wonOn, LocalDate lostOn, String stage, long leads) {
    }

    /**
     * The groups of the leads whose WON or LOST event lies in {@code [from, to)}, after making the table current:
     * built when funnel_event changed since it was built, or always when the computation open on this thread does
     * not trust the change versions. The version is read before the build, so that a change committed meanwhile
     * leaves the table older than its recorded version says, and the next computation builds it again. The table
     * is read in the transaction that checked or built it: a caller's transaction that has read before would
     * still see the table as it was then.
     */
    List<Group> closedIn(LocalDate from, LocalDate to) {
        long version = changes.snapshot().version("funnel_event", null, null);
        boolean always = !computations.trustsChangeVersions();
        var params = new MapSqlParameterSource("version", version).addValue("from", from).addValue("to", to);
        return transactions.execute(status -> {
            jdbc.update(ENSURE_ROW, Map.of());
            Long built = jdbc.queryForObject(LOCKED_VERSION, Map.of(), Long.class);
            if (always || !Objects.equals(built, version)) {
                jdbc.update(FORGET, Map.of());
                SnapshotCopy.copy(jdbc, CLOSED, params, WRITE);
                jdbc.update(BUILT, params);
            }
            return jdbc.query(READ, params, (rs, n) -> new Group(rs.getObject("won_on", LocalDate.class),
                    rs.getObject("lost_on", LocalDate.class), rs.getString("stage"), rs.getLong("leads")));
        });
    }
}

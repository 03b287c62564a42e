package io.kpipeline.delivery;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The table {@code delivery}: what was sent to whom for which report and period. Every change is
 * committed at once in a transaction of its own, independent of the step that delivers, so that
 * the ledger tells the truth even when the step fails or the process dies.
 */
@Component
class DeliveryLedger {

    enum State { SENDING, SENT, OUTBOX, FAILED, HELD }

    record Entry(State state, int attempts, String messageId) {
    }

    private static final String FIND = """
            SELECT state, attempts, message_id FROM delivery
             WHERE report = ? AND period_id = ? AND document = ? AND recipient = ?""";
    private static final String LOCK = FIND + " FOR UPDATE";
    private static final String INSERT = """
            INSERT INTO delivery (report, period_id, document, recipient, state, attempts, message_id, created_at,
                                  updated_at, sent_at, last_error)
            VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, NULL, NULL)""";
    private static final String UPDATE = """
            UPDATE delivery SET state = ?, message_id = ?, updated_at = ?, last_error = ?
             WHERE report = ? AND period_id = ? AND document = ? AND recipient = ?""";
    private static final String DONE = """
            UPDATE delivery SET state = ?, attempts = attempts + ?, sent_at = ?, updated_at = ?, last_error = NULL
             WHERE report = ? AND period_id = ? AND document = ? AND recipient = ?""";
    private static final String FAILED = """
            UPDATE delivery SET state = 'FAILED', attempts = attempts + ?, updated_at = ?, last_error = ?
             WHERE report = ? AND period_id = ? AND document = ? AND recipient = ?""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;
    private final Clock clock;

    DeliveryLedger(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    Optional<Entry> find(String report, String period, Recipient r) {
        List<Entry> found = jdbc.query(FIND,
                (rs, i) -> new Entry(State.valueOf(rs.getString(1)), rs.getInt(2), rs.getString(3)),
                report, period, r.document(), r.address());
        return found.stream().findFirst();
    }

    /**
     * Claims the row before the message leaves: it becomes SENDING with the Message-ID the message
     * will carry. A row found SENDING (a run died after claiming it) keeps its Message-ID, so the
     * message sent again is the same message to every mail system that de-duplicates by it.
     *
     * @return the Message-ID to send with, or empty when the row is already done and not to be re-sent
     */
    Optional<String> claim(String report, String period, Recipient r, boolean resend, boolean outbox,
            String freshId) {
        return own.execute(status -> {
            LocalDateTime now = LocalDateTime.now(clock);
            List<Entry> found = jdbc.query(LOCK,
                    (rs, i) -> new Entry(State.valueOf(rs.getString(1)), rs.getInt(2), rs.getString(3)),
                    report, period, r.document(), r.address());
            if (found.isEmpty()) {
                jdbc.update(INSERT, report, period, r.document(), r.address(), State.SENDING.name(), freshId, now, now);
                return Optional.of(freshId);
            }
            Entry entry = found.get(0);
            boolean done = entry.state() == State.SENT || (outbox && entry.state() == State.OUTBOX);
            if (done && !resend) {
                return Optional.<String>empty();
            }
            String id = done || entry.messageId() == null || entry.state() == State.OUTBOX ? freshId
                    : entry.messageId();
            jdbc.update(UPDATE, State.SENDING.name(), id, now, null, report, period, r.document(), r.address());
            return Optional.of(id);
        });
    }

    void done(String report, String period, Recipient r, State state, int attempts) {
        own.executeWithoutResult(status -> {
            LocalDateTime now = LocalDateTime.now(clock);
            jdbc.update(DONE, state.name(), attempts, now, now, report, period, r.document(), r.address());
        });
    }

    void failed(String report, String period, Recipient r, int attempts, String error) {
        own.executeWithoutResult(status -> jdbc.update(FAILED, attempts, LocalDateTime.now(clock),
                error.length() > 1000 ? error.substring(0, 1000) : error, report, period, r.document(), r.address()));
    }

    /** Records a held delivery, unless the row is already done. */
    void hold(String report, String period, Recipient r, String reason) {
        own.executeWithoutResult(status -> {
            LocalDateTime now = LocalDateTime.now(clock);
            List<Entry> found = jdbc.query(LOCK,
                    (rs, i) -> new Entry(State.valueOf(rs.getString(1)), rs.getInt(2), rs.getString(3)),
                    report, period, r.document(), r.address());
            String error = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
            if (found.isEmpty()) {
                jdbc.update(INSERT, report, period, r.document(), r.address(), State.HELD.name(), null, now, now);
                jdbc.update(UPDATE, State.HELD.name(), null, now, error, report, period, r.document(), r.address());
            } else if (found.get(0).state() != State.SENT) {
                jdbc.update(UPDATE, State.HELD.name(), found.get(0).messageId(), now, error, report, period,
                        r.document(), r.address());
            }
        });
    }
}

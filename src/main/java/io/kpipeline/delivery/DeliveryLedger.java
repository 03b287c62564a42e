package io.kpipeline.delivery;

import io.kpipeline.period.ReportKind;
import io.kpipeline.report.Edition;
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
 * the ledger tells the truth even when the step fails or the process dies. A preliminary report's
 * messages are rows of their own (see {@link Key#of}): they never make the period's report "already sent".
 */
@Component
class DeliveryLedger {

    enum State { SENDING, SENT, OUTBOX, FAILED, HELD }

    record Entry(State state, int attempts, String messageId) {
    }

    /** A row's key: report, period, document and recipient address. */
    record Key(ReportKind report, String period, String document, String recipient) {

        /**
         * The row of a document of {@code edition} to {@code to}. The document of a preliminary report is
         * {@code preliminary:<last day of data>:<document>}, e.g. {@code preliminary:2026-12-02:report}: a
         * preliminary report with the data of another day is another message, and none is the period's report.
         */
        static Key of(Edition edition, Recipient to) {
            String document = edition.isPreliminary()
                    ? "preliminary:" + edition.preliminaryUpTo() + ":" + to.document() : to.document();
            return new Key(edition.report(), edition.period().id(), document, to.address());
        }
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

    Optional<Entry> find(Key key) {
        List<Entry> found = jdbc.query(FIND,
                (rs, i) -> new Entry(State.valueOf(rs.getString(1)), rs.getInt(2), rs.getString(3)),
                key.report().key(), key.period(), key.document(), key.recipient());
        return found.stream().findFirst();
    }

    /**
     * Claims the row before the message leaves: it becomes SENDING with the Message-ID the message
     * will carry. A row found SENDING (a run died after claiming it) keeps its Message-ID, so the
     * message sent again is the same message to every mail system that de-duplicates by it.
     *
     * @return the Message-ID to send with, or empty when the row is already done and not to be re-sent
     */
    Optional<String> claim(Key key, boolean resend, boolean outbox, String freshId) {
        return own.execute(status -> {
            LocalDateTime now = LocalDateTime.now(clock);
            List<Entry> found = jdbc.query(LOCK,
                    (rs, i) -> new Entry(State.valueOf(rs.getString(1)), rs.getInt(2), rs.getString(3)),
                    key.report().key(), key.period(), key.document(), key.recipient());
            if (found.isEmpty()) {
                jdbc.update(INSERT, key.report().key(), key.period(), key.document(), key.recipient(), State.SENDING.name(),
                        freshId, now, now);
                return Optional.of(freshId);
            }
            Entry entry = found.get(0);
            boolean done = entry.state() == State.SENT || (outbox && entry.state() == State.OUTBOX);
            if (done && !resend) {
                return Optional.<String>empty();
            }
            String id = done || entry.messageId() == null || entry.state() == State.OUTBOX ? freshId
                    : entry.messageId();
            jdbc.update(UPDATE, State.SENDING.name(), id, now, null, key.report().key(), key.period(), key.document(),
                    key.recipient());
            return Optional.of(id);
        });
    }

    void done(Key key, State state, int attempts) {
        own.executeWithoutResult(status -> {
            LocalDateTime now = LocalDateTime.now(clock);
            jdbc.update(DONE, state.name(), attempts, now, now, key.report().key(), key.period(), key.document(),
                    key.recipient());
        });
    }

    void failed(Key key, int attempts, String error) {
        own.executeWithoutResult(status -> jdbc.update(FAILED, attempts, LocalDateTime.now(clock),
                error.length() > 1000 ? error.substring(0, 1000) : error, key.report().key(), key.period(), key.document(),
                key.recipient()));
    }

    /** Records a held delivery, unless the row is already done. */
    void hold(Key key, String reason) {
        own.executeWithoutResult(status -> {
            LocalDateTime now = LocalDateTime.now(clock);
            List<Entry> found = jdbc.query(LOCK,
                    (rs, i) -> new Entry(State.valueOf(rs.getString(1)), rs.getInt(2), rs.getString(3)),
                    key.report().key(), key.period(), key.document(), key.recipient());
            String error = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
            if (found.isEmpty()) {
                jdbc.update(INSERT, key.report().key(), key.period(), key.document(), key.recipient(), State.HELD.name(),
                        null, now, now);
                jdbc.update(UPDATE, State.HELD.name(), null, now, error, key.report().key(), key.period(), key.document(),
                        key.recipient());
            } else if (found.get(0).state() != State.SENT) {
                jdbc.update(UPDATE, State.HELD.name(), found.get(0).messageId(), now, error, key.report().key(),
                        key.period(), key.document(), key.recipient());
            }
        });
    }
}

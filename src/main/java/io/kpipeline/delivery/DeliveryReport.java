package io.kpipeline.delivery;

import io.kpipeline.system.KpiException;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a run's delivery did, per recipient, for the user and the job's record.
 *
 * @param lines      one line per document and recipient
 * @param held       why the delivery was held (the freshness gate), or null
 * @param notice     what became of the notice to the admin address, or null when none was due
 * @param outbox     the folder the messages were written to instead of being sent, or null
 * @param note       why nothing was delivered at all (--no-mail, no recipients), or null
 * @param futureRows the source rows dated after today that the freshness gate found, or null: a data-quality
 *                   problem of the source, told also when the period's data is complete
 */
public record DeliveryReport(List<Line> lines, String held, String notice, String outbox, String note, String futureRows)
        implements Serializable {

    public enum Result { SENT, WRITTEN, ALREADY_SENT, HELD, FAILED, STOPPED }

    /** @param document {@code report} or {@code rep:<id>}; @param detail the file, or the error */
    public record Line(String document, String recipient, Result result, String detail) implements Serializable {

        @Override
        public String toString() {
            return text(false);
        }

        /** The line as printed; {@code outbox}: the messages go to the outbox, so nothing is "sent". */
        String text(boolean outbox) {
            String what = switch (result) {
                case SENT -> "sent";
                case WRITTEN -> "written to the outbox";
                case ALREADY_SENT -> outbox ? "already delivered" : "already sent";
                case HELD -> "held";
                case FAILED -> "FAILED";
                case STOPPED -> outbox ? "not written (stopped)" : "not sent (stopped)";
            };
            return String.format(Locale.ROOT, "  %-30s %-14s %s%s", recipient, document, what,
                    detail == null ? "" : ": " + detail);
        }
    }

    static DeliveryReport nothing(String note) {
        return new DeliveryReport(List.of(), null, null, null, note, null);
    }

    public boolean failed() {
        return lines.stream().anyMatch(l -> l.result() == Result.FAILED);
    }

    /** Whether messages were left unsent because the process was asked to stop. */
    public boolean stopped() {
        return lines.stream().anyMatch(l -> l.result() == Result.STOPPED);
    }

    public boolean isHeld() {
        return held != null;
    }

    public long count(Result result) {
        return lines.stream().filter(l -> l.result() == result).count();
    }

    /** One printed line per document and recipient, in the words of the transport (sent, or written to the outbox). */
    public List<String> printed() {
        return lines.stream().map(l -> l.text(outbox != null)).toList();
    }

    /**
     * "Delivery: 2 sent, 1 already sent, 0 held, 0 failed.", or with the outbox "Delivery: 2 written to …
     * (no spring.mail.host is set), 1 already delivered, 0 held, 0 failed."
     */
    public String summary() {
        if (note != null) {
            return "Delivery: " + note;
        }
        String written = outbox == null ? count(Result.SENT) + " sent"
                : count(Result.WRITTEN) + " written to " + outbox + " (no spring.mail.host is set)";
        return "Delivery: " + written + ", " + count(Result.ALREADY_SENT)
                + (outbox == null ? " already sent, " : " already delivered, ") + count(Result.HELD)
                + " held, " + count(Result.FAILED) + " failed"
                + (stopped() ? ", " + count(Result.STOPPED) + (outbox == null ? " not sent" : " not written")
                        + " (stopped)" : "") + "."
                + (notice == null ? "" : " " + notice)
                + (futureRows == null || held != null ? "" : " Data quality: " + futureRows + ".");
    }

    /**
     * What was delivered, in a few words for a line of its own: "2 written to the outbox", "3 sent, 1 already
     * sent", "2 held (source data incomplete)", or why nothing was delivered.
     */
    public String brief() {
        if (note != null) {
            return KpiException.clause(note);
        }
        List<String> parts = new java.util.ArrayList<>();
        for (Result result : Result.values()) {
            long n = count(result);
            if (n > 0) {
                parts.add(n + " " + switch (result) {
                    case SENT -> "sent";
                    case WRITTEN -> "written to the outbox";
                    case ALREADY_SENT -> outbox == null ? "already sent" : "already delivered";
                    case HELD -> "held (source data incomplete)";
                    case FAILED -> "failed";
                    case STOPPED -> outbox == null ? "not sent (stopped)" : "not written (stopped)";
                });
            }
        }
        return parts.isEmpty() ? "nothing delivered" : String.join(", ", parts);
    }

    /** The step's message when the process was asked to stop before every message was sent. */
    public String stoppedBefore() {
        String to = lines.stream().filter(l -> l.result() == Result.STOPPED).map(Line::recipient)
                .collect(Collectors.joining(", "));
        return outbox == null ? "Stopped on request (SIGTERM or Ctrl-C) before sending to " + to + "; every message"
                + " sent is recorded, and running again sends only the messages still missing"
                : "Stopped on request (SIGTERM or Ctrl-C) before writing the messages to " + to + " to the outbox;"
                        + " every message written is recorded, and running again writes only the messages still missing";
    }

    /**
     * Said of a message that left while the database could not record it: its row stays claimed, so the next
     * run sends it once more.
     */
    static final String UNRECORDED = "not recorded: the next run sends it once more, under the same Message-ID";

    /**
     * Which messages left and which did not, in a sentence or two, e.g. "Sent: anna@example.com. Not sent:
     * ben@example.com, julia@example.com (rep:REP-03)." ("Written to the outbox: …" without an SMTP server).
     */
    public String whatLeft() {
        String sent = names(Result.SENT, Result.WRITTEN);
        String before = names(Result.ALREADY_SENT);
        String missing = names(Result.FAILED, Result.HELD);
        if (outbox != null) {
            return (sent.isEmpty() ? "Nothing was written to the outbox" : "Written to the outbox: " + sent)
                    + (before.isEmpty() ? "" : "; delivered before: " + before)
                    + (missing.isEmpty() ? "." : ". Not written: " + missing + ".");
        }
        return (sent.isEmpty() ? "Nothing was sent" : "Sent: " + sent)
                + (before.isEmpty() ? "" : "; sent before: " + before)
                + (missing.isEmpty() ? "." : ". Not sent: " + missing + ".");
    }

    private String names(Result... results) {
        List<Result> wanted = List.of(results);
        return lines.stream().filter(l -> wanted.contains(l.result()))
                .map(l -> l.recipient() + ("report".equals(l.document()) ? "" : " (" + l.document() + ")")
                        + (l.detail() != null && l.detail().endsWith("(" + UNRECORDED + ")") ? " (" + UNRECORDED + ")"
                                : ""))
                .collect(Collectors.joining(", "));
    }

    /** The user's message when messages failed: who, why, and what to do. */
    public String failure() {
        return "Delivery failed for " + lines.stream().filter(l -> l.result() == Result.FAILED)
                .map(l -> l.recipient() + " (" + l.detail() + ")").collect(Collectors.joining(", "))
                + (notice == null ? "" : ". " + KpiException.clause(notice))
                + ". Check spring.mail.host, port and credentials and that the SMTP server accepts mail;"
                + " running again sends only the messages still missing";
    }
}

package io.kpipeline.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells a failure that is the loss of the database (its server killed, stopped or unreachable) from
 * other failures, which the user meets as "the database stopped answering" rather than as the driver's
 * several-line account of the last packets it saw.
 */
public final class DatabaseLoss {

    private DatabaseLoss() {
    }

    /** Whether the failure, or anything it was caused by, is a lost or refused database connection. */
    public static boolean in(Throwable thrown) {
        return levels(thrown).stream().anyMatch(t -> t instanceof SQLRecoverableException
                || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"));
    }

    /** The first line of the deepest message in the failure, e.g. "Connection refused". */
    public static String cause(Throwable thrown) {
        List<Throwable> levels = levels(thrown);
        for (int i = levels.size() - 1; i >= 0; i--) {
            String message = levels.get(i).getMessage();
            if (message != null && !message.isBlank()) {
                String line = message.strip().lines().findFirst().orElse("").strip();
                return line.length() > 200 ? line.substring(0, 200) + " …" : line;
            }
        }
        return thrown.getClass().getSimpleName();
    }

    /** The failure and its causes, each once; a SQLException's next exceptions come after its causes. */
    private static List<Throwable> levels(Throwable thrown) {
        List<Throwable> levels = new ArrayList<>();
        for (Throwable t = thrown; t != null && !levels.contains(t); t = t.getCause()) {
            levels.add(t);
        }
        for (Throwable t : List.copyOf(levels)) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql.getNextException(); next != null && !levels.contains(next);
                        next = next.getNextException()) {
                    levels.add(next);
                }
            }
        }
        return levels;
    }
}

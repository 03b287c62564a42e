package io.kpipeline.system;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress of one long task on the terminal: rows done, rows per second and time left, redrawn
 * in place at most twice a second. Off a terminal (CI, a log file) it stays silent, so that only
 * the caller's one-line summary remains.
 *
 * <p>Time left is estimated from {@code work}, which may count something other than rows (bytes
 * of a file, say) when the number of rows is not known in advance.
 */
public final class Progress {

    private static final long REDRAW_NANOS = 500_000_000L;

    private final PrintStream out;
    private final boolean enabled;
    private final String label;
    private final long totalWork;
    private final long startNanos = System.nanoTime();
    private long lastDrawNanos;
    private long rows;
    private long work;
    private boolean drawn;

    private Progress(PrintStream out, boolean enabled, String label, long totalWork) {
        this.out = out;
        this.enabled = enabled;
        this.label = label;
        this.totalWork = totalWork;
    }

    /** A progress line on standard error when it is a terminal. */
    public static Progress onTerminal(String label, long totalWork) {
        return new Progress(System.err, System.console() != null, label, totalWork);
    }

    /** A progress that never prints, for tests and nested work. */
    public static Progress silent(String label) {
        return new Progress(System.err, false, label, 0);
    }

    /** Counts rows done; the work done is the row count. */
    public void rows(long rowsDone) {
        update(rowsDone, rowsDone);
    }

    /** Counts rows done and the work done (for the estimate of time left). */
    public void update(long rowsDone, long workDone) {
        this.rows = rowsDone;
        this.work = workDone;
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDrawNanos >= REDRAW_NANOS) {
            lastDrawNanos = now;
            draw(now);
        }
    }

    public long rowsDone() {
        return rows;
    }

    /** Seconds since the task began. */
    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Rows per second since the task began. */
    public long rowsPerSecond() {
        double seconds = elapsedSeconds();
        return seconds <= 0 ? rows : Math.round(rows / seconds);
    }

    /** Clears the progress line so that the caller's summary stands alone. */
    public void finish() {
        if (enabled && drawn) {
            out.print("\r\033[2K");
            out.flush();
        }
    }

    private void draw(long now) {
        double seconds = (now - startNanos) / 1e9;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s  %,d rows  %,d rows/s",
                label, rows, seconds <= 0 ? 0 : Math.round(rows / seconds)));
        if (totalWork > 0 && work > 0 && work <= totalWork) {
            long leftSeconds = Math.round(seconds * (totalWork - work) / work);
            line.append(String.format(Locale.ROOT, "  %d %%  %s left", work * 100 / totalWork,
                    format(Duration.ofSeconds(leftSeconds))));
        }
        out.print("\r\033[2K" + line);
        out.flush();
        drawn = true;
    }

    private static String format(Duration d) {
        return d.toHours() > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}

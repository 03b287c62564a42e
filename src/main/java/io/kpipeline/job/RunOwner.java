package io.kpipeline.job;

import java.util.Optional;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * The process that runs a report, recorded with each run as the non-identifying job parameter {@value #PARAMETER}
 * in the text form {@code host/pid/process start[/scheduler instance]}, e.g. {@code kpi-1/4242/1700000000000}: so
 * that a run left STARTED by a process that died can be told from one that is still going (see {@link RunOwners}).
 *
 * @param host         the host name, without {@code /}
 * @param pid          the process id on that host
 * @param processStart when the process started, in milliseconds since the epoch; 0 where the system does not say,
 *                     so that a later process under the same pid is told from it
 * @param scheduler    the Quartz instance id when the process was the running scheduler; null when it was not
 */
public record RunOwner(String host, long pid, long processStart, String scheduler) {

    public static final String PARAMETER = "owner";

    public RunOwner {
        if (host == null || host.isEmpty() || host.contains("/")) {
            throw new IllegalArgumentException("A run owner's host is a name without '/', not " + host);
        }
        if (scheduler != null && scheduler.isEmpty()) {
            throw new IllegalArgumentException("A run owner's scheduler instance is null or a name, not empty");
        }
    }

    /**
     * Reads the text form, as every version that recorded an owner wrote it; empty for none ({@code null}, a run of
     * a version that recorded none) and for text not of that form.
     */
    public static Optional<RunOwner> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split("/", 4);
        if (parts.length < 3 || parts[0].isEmpty() || parts.length == 4 && parts[3].isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RunOwner(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                    parts.length == 4 ? parts[3] : null));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The owner recorded with a run, or null for a run recorded without one (or with one that cannot be read). */
    public static RunOwner recordedIn(JobParameters parameters) {
        return parse(parameters.getString(PARAMETER)).orElse(null);
    }

    /** The text form {@link #parse} reads: {@code host/pid/process start[/scheduler instance]}. */
    public String text() {
        return host + "/" + pid + "/" + processStart + (scheduler == null ? "" : "/" + scheduler);
    }

    /** {@code process 1234 on host kpi-1}; for a run recorded without an owner, the version that ran it. */
    public static String describe(RunOwner owner) {
        return owner == null ? "an earlier version of the pipeline"
                : "process " + owner.pid() + " on host " + owner.host();
    }
}

package io.kpipeline.job;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who runs a report: each run records its process as the non-identifying job parameter
 * {@value #PARAMETER}, {@code host/pid/process start[/scheduler instance]}, so that a run left
 * STARTED by a process that died (killed, power cut) can be told from one that is still going, on
 * this host by its process, and for a scheduler on another host by the cluster having dropped it.
 */
@Component
public class RunOwner {

    public static final String PARAMETER = "owner";

    private final JdbcTemplate jdbc;
    private final ObjectProvider<Scheduler> scheduler;
    private final String host;

    RunOwner(JdbcTemplate jdbc, ObjectProvider<Scheduler> scheduler) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.host = localHost();
    }

    /** This process, and the scheduler instance when this process is the running scheduler. */
    public String current() {
        ProcessHandle self = ProcessHandle.current();
        String owner = host + "/" + self.pid() + "/" + started(self);
        Scheduler running = scheduler.getIfAvailable();
        try {
            if (running != null && running.isStarted() && !running.isShutdown()) {
                owner += "/" + running.getSchedulerInstanceId();
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not ask the scheduler for its state: " + e.getMessage(), e);
        }
        return owner;
    }

    /**
     * Whether the process that started a run is known to have ended: on this host when no process
     * with its pid and start time is alive; on another host when it was a scheduler instance the
     * cluster has dropped (Quartz removes an instance that stopped checking in). A run recorded
     * without an owner comes from a version that recorded none; its process ended with the upgrade.
     */
    public boolean isGone(String owner) {
        if (owner == null) {
            return true;
        }
        String[] parts = owner.split("/");
        if (parts.length < 3) {
            return true;
        }
        if (parts[0].equals(host)) {
            Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(parts[1]));
            return process.isEmpty() || !process.get().isAlive() || !started(process.get()).equals(parts[2]);
        }
        if (parts.length >= 4) {
            Integer instances = jdbc.queryForObject("SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE WHERE INSTANCE_NAME = ?",
                    Integer.class, parts[3]);
            return instances == null || instances == 0;
        }
        return false;
    }

    /** Whether the run was started by this very process (a scheduler runs many over its life). */
    public boolean isThisProcess(String owner) {
        if (owner == null) {
            return false;
        }
        String[] parts = owner.split("/");
        ProcessHandle self = ProcessHandle.current();
        return parts.length >= 3 && parts[0].equals(host) && parts[1].equals(Long.toString(self.pid()))
                && parts[2].equals(started(self));
    }

    /** {@code process 1234 on host kpi-1} */
    public static String describe(String owner) {
        if (owner == null) {
            return "an earlier version of the pipeline";
        }
        String[] parts = owner.split("/");
        return parts.length < 2 ? owner : "process " + parts[1] + " on host " + parts[0];
    }

    /** The host part of an owner, where a run that outlived its process can be resumed. */
    static String host(String owner) {
        return owner == null ? "" : owner.split("/")[0];
    }

    private static String started(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).map(String::valueOf).orElse("0");
    }

    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName().replace('/', '-');
        } catch (UnknownHostException e) {
            String name = System.getenv("HOSTNAME");
            return name == null || name.isBlank() ? "localhost" : name.replace('/', '-');
        }
    }
}

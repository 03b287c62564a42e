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
 * Tells who runs a report ({@link RunOwner}): this process, and whether the process that started a run has
 * ended, on this host by its process, and for a scheduler on another host by the cluster having dropped it.
 */
@Component
public class RunOwners {

    private final JdbcTemplate jdbc;
    private final ObjectProvider<Scheduler> scheduler;
    private final String host;

    RunOwners(JdbcTemplate jdbc, ObjectProvider<Scheduler> scheduler) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.host = localHost();
    }

    /** This process, and the scheduler instance when this process is the running scheduler. */
    public RunOwner current() {
        ProcessHandle self = ProcessHandle.current();
        Scheduler running = scheduler.getIfAvailable();
        String instance = null;
        try {
            if (running != null && running.isStarted() && !running.isShutdown()) {
                instance = running.getSchedulerInstanceId();
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not ask the scheduler for its state: " + e.getMessage(), e);
        }
        return new RunOwner(host, self.pid(), started(self), instance);
    }

    /**
     * Whether the process that started a run is known to have ended: on this host when no process
     * with its pid and start time is alive; on another host when it was a scheduler instance the
     * cluster has dropped (Quartz removes an instance that stopped checking in). A run recorded
     * without an owner comes from a version that recorded none; its process ended with the upgrade.
     */
    public boolean isGone(RunOwner owner) {
        if (owner == null) {
            return true;
        }
        if (owner.host().equals(host)) {
            Optional<ProcessHandle> process = ProcessHandle.of(owner.pid());
            return process.isEmpty() || !process.get().isAlive() || started(process.get()) != owner.processStart();
        }
        if (owner.scheduler() != null) {
            Integer instances = jdbc.queryForObject("SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE WHERE INSTANCE_NAME = ?",
                    Integer.class, owner.scheduler());
            return instances == null || instances == 0;
        }
        return false;
    }

    /** Whether the run was started by this very process (a scheduler runs many over its life). */
    public boolean isThisProcess(RunOwner owner) {
        ProcessHandle self = ProcessHandle.current();
        return owner != null && owner.host().equals(host) && owner.pid() == self.pid()
                && owner.processStart() == started(self);
    }

    private static long started(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    private static String localHost() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.isBlank() ? "localhost" : name.replace('/', '-');
        } catch (UnknownHostException e) {
            String name = System.getenv("HOSTNAME");
            return name == null || name.isBlank() ? "localhost" : name.replace('/', '-');
        }
    }
}

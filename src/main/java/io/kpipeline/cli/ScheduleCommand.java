package io.kpipeline.cli;

import io.kpipeline.schedule.Scheduling;
import io.kpipeline.schedule.Scheduling.NextFiring;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"Runs the reports on their schedules until stopped with Ctrl-C or SIGTERM.",
                "The schedules are the settings kpi.schedule.* in config/application.yml. A report running when"
                        + " the scheduler is stopped finishes first.",
                "Each firing, and a catch-up on start, runs the latest complete period if it has not run."
                        + " Older missed periods are not delivered late: the log names them with the backfill"
                        + " command that runs them. kpi.schedule.catch-up.mode: all runs every missed period"
                        + " (at most kpi.schedule.catch-up.max-periods back), none runs nothing missed on start.",
                "Any number of instances may run on one database: each firing runs on one of them only."})
final class ScheduleCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm zzz", Locale.ROOT);

    @ParentCommand
    private RootCommand root;

    @Override
    public Integer call() throws Exception {
        // Not closed here: the JVM's shutdown hook closes it, waiting for a running report.
        ConfigurableApplicationContext context = root.startContextClosedOnShutdown();
        CountDownLatch closed = new CountDownLatch(1);
        PrintWriter out = root.out();
        try {
            Scheduling scheduling = context.getBean(Scheduling.class);
            var next = scheduling.start();
            context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> {
                out.println("Stopping: a report that is running finishes first …");
                out.flush();
                closed.countDown();
            });
            out.printf("Scheduler %s started. Next firings:%n", scheduling.instanceId());
            for (NextFiring firing : next) {
                out.printf("  %-9s %s  (cron \"%s\")%n", firing.name(), WHEN.format(firing.next()), firing.cron());
            }
            if (next.isEmpty()) {
                out.println("  none: every report is disabled (kpi.schedule.<report>.enabled)");
            }
            out.println("Missed periods are caught up now (kpi.schedule.catch-up.mode: " + scheduling.catchUpMode()
                    + "). Stop with Ctrl-C.");
            out.flush();
        } catch (RuntimeException | org.quartz.SchedulerException e) {
            context.close();
            throw e;
        }
        closed.await();
        return 0;
    }
}

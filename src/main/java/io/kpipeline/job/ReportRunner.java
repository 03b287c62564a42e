package io.kpipeline.job;

import io.kpipeline.delivery.DeliveryOptions;
import io.kpipeline.delivery.DeliveryReport;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.report.RenderedPdf;
import io.kpipeline.report.ReportRenderer;
import io.kpipeline.report.ReportSettings;
import io.kpipeline.system.DatabaseLoss;
import io.kpipeline.system.KpiException;
import io.kpipeline.system.KpiProperties;
import io.kpipeline.system.StopRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Runs a report's job for a period. Each period's runs are numbered: a failed run is restarted
 * under its own number (Spring Batch resumes it), a completed one is followed by the next number,
 * so that re-running a period replaces its results and is recorded as a run of its own.
 */
@Component
public class ReportRunner {

    private final JobOperator jobs;
    private final JobRepository repository;
    private final RunOwners owners;
    private final ReportRenderer renderer;
    private final ApplicationContext context;
    private final KpiProperties properties;
    private final ReportSettings settings;
    private final RunningExecutions executions;
    private final StopRequest stop;

    ReportRunner(JobOperator jobs, JobRepository repository, RunOwners owners, ApplicationContext context,
            KpiProperties properties, ReportSettings settings, ReportRenderer renderer, RunningExecutions executions,
            StopRequest stop) {
        this.renderer = renderer;
        this.executions = executions;
        this.repository = repository;
        this.owners = owners;
        this.jobs = jobs;
        this.context = context;
        this.properties = properties;
        this.settings = settings;
        this.stop = stop;
    }

    /**
     * The latest period of the report that has ended before {@code today}: the previous ISO week,
     * month, quarter or year, or the latest complete review cycle from {@code kpi.reports.review.cycle-start}.
     */
    public ReportingPeriod latestComplete(ReportKind report, LocalDate today) {
        if (report != ReportKind.REVIEW) {
            return ReportingPeriod.latestComplete(report.periodKind(), today);
        }
        try {
            return settings.review().cycle().latestComplete(today);
        } catch (IllegalArgumentException e) {
            throw KpiException.configuration("No review is due yet: " + e.getMessage()
                    + ". Set kpi.reports.review.cycle-start in config/application.yml to the first day of a past cycle,"
                    + " or give --period.");
        }
    }

    /** {@code $KPI_HOME/reports/<report>/<period>/}, the period written so that it is a valid folder name. */
    public Path defaultFolder(ReportKind report, ReportingPeriod period) {
        return properties.home().resolve("reports").resolve(report.key()).resolve(period.id().replace(':', '-'));
    }

    /**
     * {@code $KPI_HOME/reports/<report>/<period>-preliminary/}: a preliminary report's files never take the
     * place of the period's report.
     */
    public Path preliminaryFolder(ReportKind report, ReportingPeriod period) {
        Path folder = defaultFolder(report, period);
        return folder.resolveSibling(folder.getFileName() + "-preliminary");
    }

    /** How a run went: its number, status, the duration and count of each step, and what was delivered. */
    public record Outcome(long run, BatchStatus status, List<StepTime> steps, String failure,
            DeliveryReport delivery, List<RenderedPdf> rendered) {
    }

    /**
     * A step's time and counts: {@code written} the rows it wrote (the values computed, the results evaluated …),
     * {@code reused} what it took as stored instead (computations still valid).
     */
    public record StepTime(String step, Duration duration, long written, long reused) {
    }

    /** A run that did not complete, with what it did before it stopped (e.g. the messages it did deliver). */
    public static final class RunFailed extends KpiException {

        private final transient Outcome outcome;

        RunFailed(String message, Outcome outcome) {
            super(message);
            this.outcome = outcome;
        }

        RunFailed(String message, Outcome outcome, Throwable cause) {
            super(message, cause);
            this.outcome = outcome;
        }

        public Outcome outcome() {
            return outcome;
        }
    }

    /**
     * Runs the report's job for the period, writing into {@code out}.
     *
     * @throws KpiException when the run fails, naming the cause; running again resumes it
     */
    public Outcome run(ReportKind report, ReportingPeriod period, Path out) {
        return run(report, period, out, DeliveryOptions.AS_CONFIGURED);
    }

    /**
     * Runs the report's job for the period, writing into {@code out} and delivering as {@code options} say.
     *
     * @throws KpiException when the run fails, naming the cause; running again resumes it
     */
    public Outcome run(ReportKind report, ReportingPeriod period, Path out, DeliveryOptions options) {
        return run(report, period, null, out, options);
    }

    /**
     * Runs a preliminary report of the period with the data up to {@code upTo}: a run of its own, which
     * never counts as the period's report (see {@link ReportRunParameters#PRELIMINARY}).
     *
     * @throws KpiException when the run fails, naming the cause; running again resumes it
     */
    public Outcome runPreliminary(ReportKind report, ReportingPeriod period, LocalDate upTo, Path out,
            DeliveryOptions options) {
        return run(report, period, upTo, out, options);
    }

    /**
     * The period of the report that runs on {@code today}: the ISO week, month, quarter or year containing
     * it, or the review cycle it falls in. What a preliminary report covers by default.
     */
    public ReportingPeriod current(ReportKind report, LocalDate today) {
        if (report != ReportKind.REVIEW) {
            return ReportingPeriod.containing(report.periodKind(), today);
        }
        try {
            return settings.review().cycle().containing(today);
        } catch (IllegalArgumentException e) {
            throw KpiException.configuration("No review cycle runs yet: " + e.getMessage() + ". Give --period.");
        }
    }

    /**
     * Needs neither settings nor database, so that a command refuses a wrong period before anything starts.
     *
     * @throws KpiException (configuration) when the period is not of the report's kind
     */
    public static void requireKind(ReportKind report, ReportingPeriod period) {
        if (period.kind() != report.periodKind()) {
            throw KpiException.configuration("The " + report.key() + " report covers " + describe(report)
                    + "; " + period.id() + " is not one.");
        }
    }

    /**
     * Asks the run under way to stop, for SIGTERM or Ctrl-C: the step under way finishes, a message being sent is
     * sent and recorded, and no further message, step or run starts (see {@link StopBeforeStep}). The run ends
     * stopped or failed, so that running the same command again resumes it and sends only what is missing.
     */
    public void stop() {
        stop.request();
    }

    private Outcome run(ReportKind report, ReportingPeriod period, LocalDate preliminaryUpTo, Path out,
            DeliveryOptions options) {
        requireKind(report, period);
        if (stop.requested()) {
            throw new KpiException("The " + report.key() + " report for " + period.id() + " did not start: the"
                    + " process is stopping (SIGTERM or Ctrl-C). Run the same command again.");
        }
        Job job = context.getBean(ReportJobs.name(report), Job.class);
        String name = (preliminaryUpTo == null ? "" : "preliminary ") + report.key();
        renderer.prepareInBackground();
        boolean recovered = false;
        for (long run = 1; ; run++) {
            JobParameters parameters = new ReportRunParameters(report, period, run, out, preliminaryUpTo, options)
                    .jobParameters(owners.current());
            try {
                JobExecution execution = jobs.start(job, parameters);
                Outcome outcome = outcome(run, execution);
                if (outcome.status() == BatchStatus.STOPPED) {
                    throw new RunFailed("The " + name + " report for " + period.id() + " stopped on request (SIGTERM"
                            + " or Ctrl-C) before " + execution.getStepExecutions().stream()
                                    .filter(s -> s.getStatus() == BatchStatus.STOPPED).map(s -> s.getStepName())
                                    .findFirst().orElse("its next step")
                            + ". Run the same command again to resume it.", outcome);
                }
                if (outcome.status() != BatchStatus.COMPLETED) {
                    Throwable failure = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
                    if (failure != null && DatabaseLoss.in(failure)) {
                        throw databaseLost(name, period, run, execution, failure);
                    }
                    throw new RunFailed("The " + name + " report for " + period.id() + " failed: "
                            + KpiException.clause(outcome.failure()) + ". Run the same command again to resume it.",
                            outcome);
                }
                return outcome;
            } catch (JobInstanceAlreadyCompleteException done) {
                // this run of the period is complete: the next number is a new run
            } catch (JobExecutionAlreadyRunningException running) {
                JobExecution left = running(report, period, preliminaryUpTo);
                RunOwner by = left == null ? null : RunOwner.recordedIn(left.getJobParameters());
                // a run of this process that runs no longer: the database died under it (the scheduler lives on)
                boolean abandoned = left != null
                        && (owners.isGone(by) || owners.isThisProcess(by) && !executions.isRunning(left));
                if (left == null || recovered || !abandoned) {
                    throw new KpiException("The " + name + " report for " + period.id() + " is running already"
                            + (left == null ? "" : ", started " + left.getStartTime() + " by " + RunOwner.describe(by))
                            + ". Wait for that run to end. If its process has stopped without ending it, run the same"
                            + " command again on host " + (by == null ? "" : by.host())
                            + ", which sees that and resumes the run.");
                }
                // the run was abandoned: mark it failed, and restart it at the step it was in
                jobs.recover(left);
                recovered = true;
                run--;
            } catch (KpiException e) {
                throw e;
            } catch (Exception e) {
                if (DatabaseLoss.in(e)) {
                    // Spring Batch could not record the run's end: what the run did is known only in memory
                    throw databaseLost(name, period, run, executions.take(parameters).orElse(null), e);
                }
                throw new KpiException("Could not start the " + name + " report for " + period.id() + ": "
                        + e.getMessage(), e);
            } finally {
                executions.take(parameters);
            }
        }
    }

    /**
     * The run the database stopped, in one line: the step it was in, why, what was delivered and what not,
     * and that running it again resumes it (the run stays "STARTED", as the database could not record its
     * end; the next run sees that this process is gone).
     *
     * @param execution the run's execution as this process knows it, or null when it never started
     */
    private static RunFailed databaseLost(String name, ReportingPeriod period, long run, JobExecution execution,
            Throwable failure) {
        String step = execution == null ? null : execution.getStepExecutions().stream()
                .filter(s -> s.getStatus() != BatchStatus.COMPLETED).map(StepExecution::getStepName)
                .findFirst().orElse(null);
        Outcome outcome = execution == null ? null : outcome(run, execution);
        DeliveryReport delivery = outcome == null ? null : outcome.delivery();
        String message = "The " + name + " report for " + period.id() + " stopped" + (step == null ? "" : " in " + step)
                + " because the database stopped answering (" + DatabaseLoss.cause(failure) + "). "
                + (delivery == null ? "Nothing was delivered." : delivery.whatLeft())
                + " Once the database runs again, run the same command: it resumes the run and sends only what is"
                + " missing.";
        return new RunFailed(message, outcome != null ? outcome
                : new Outcome(run, BatchStatus.FAILED, List.of(), message, null, List.of()), failure);
    }

    private JobExecution running(ReportKind report, ReportingPeriod period, LocalDate preliminaryUpTo) {
        String preliminary = preliminaryUpTo == null ? null : preliminaryUpTo.toString();
        return repository.findRunningJobExecutions(ReportJobs.name(report)).stream()
                .filter(e -> period.id().equals(e.getJobParameters().getString(ReportRunParameters.PERIOD)))
                .filter(e -> Objects.equals(preliminary,
                        e.getJobParameters().getString(ReportRunParameters.PRELIMINARY)))
                .findFirst().orElse(null);
    }

    private static Outcome outcome(long run, JobExecution execution) {
        List<StepTime> steps = execution.getStepExecutions().stream()
                .map(s -> new StepTime(s.getStepName(),
                        s.getStartTime() == null || s.getEndTime() == null ? Duration.ZERO
                                : Duration.between(s.getStartTime(), s.getEndTime()),
                        s.getWriteCount(), s.getReadCount()))
                .toList();
        String failure = execution.getAllFailureExceptions().stream().findFirst()
                .map(e -> rootMessage(e)).orElse(null);
        @SuppressWarnings("unchecked")
        List<RenderedPdf> rendered = (List<RenderedPdf>) execution.getExecutionContext()
                .get(ReportJobConfiguration.RENDERED);
        return new Outcome(run, execution.getStatus(), steps, failure,
                (DeliveryReport) execution.getExecutionContext().get(DeliverStepConfiguration.DELIVERED),
                rendered == null ? List.of() : List.copyOf(rendered));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String describe(ReportKind report) {
        return switch (report) {
            case WEEKLY -> "an ISO week like 2026-W44";
            case MONTHLY -> "a month like 2026-10";
            case QUARTERLY -> "a quarter like 2026-Q3";
            case YEARLY -> "a year like 2025";
            case REVIEW -> "30 days like 30d:2026-10-31";
        };
    }
}

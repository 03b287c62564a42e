package io.kpipeline.job;

import io.kpipeline.delivery.Delivery;
import io.kpipeline.evaluation.KpiEvaluator;
import io.kpipeline.evaluation.KpiResultRepository;
import io.kpipeline.kpi.KpiEngine;
import io.kpipeline.kpi.KpiValue;
import io.kpipeline.kpi.KpiValueRepository;
import io.kpipeline.period.DataCoverage;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.report.Edition;
import io.kpipeline.report.RenderedPdf;
import io.kpipeline.report.ReportDocument;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The report jobs: each computes the KPIs of its period (and of the periods it is compared with),
 * evaluates them, exports {@code kpi-results.csv} and renders its PDFs, step by step. Each step reads the run's
 * parameters as one {@link ReportRunParameters}, whose identifying ones are the business key.
 */
@Configuration(proxyBeanMethods = false)
class ReportJobConfiguration {

    /** The job execution context's list of {@link RenderedPdf}s the render step wrote. */
    static final String RENDERED = "rendered";

    @Bean
    Job weeklyReportJob(JobRepository jobs, RunningExecutions running, Step computeKpisStep,
            Step evaluateKpisStep, Step exportResultsStep, Step renderReportStep, Step deliverReportStep) {
        return reportJob(ReportKind.WEEKLY, jobs, running, computeKpisStep, evaluateKpisStep, exportResultsStep,
                renderReportStep, deliverReportStep);
    }

    @Bean
    Job monthlyReportJob(JobRepository jobs, RunningExecutions running, Step computeKpisStep,
            Step evaluateKpisStep, Step exportResultsStep, Step renderReportStep, Step deliverReportStep) {
        return reportJob(ReportKind.MONTHLY, jobs, running, computeKpisStep, evaluateKpisStep, exportResultsStep,
                renderReportStep, deliverReportStep);
    }

    @Bean
    Job quarterlyReportJob(JobRepository jobs, RunningExecutions running, Step computeKpisStep,
            Step evaluateKpisStep, Step exportResultsStep, Step renderReportStep, Step deliverReportStep) {
        return reportJob(ReportKind.QUARTERLY, jobs, running, computeKpisStep, evaluateKpisStep, exportResultsStep,
                renderReportStep, deliverReportStep);
    }

    @Bean
    Job yearlyReportJob(JobRepository jobs, RunningExecutions running, Step computeKpisStep,
            Step evaluateKpisStep, Step exportResultsStep, Step renderReportStep, Step deliverReportStep) {
        return reportJob(ReportKind.YEARLY, jobs, running, computeKpisStep, evaluateKpisStep, exportResultsStep,
                renderReportStep, deliverReportStep);
    }

    @Bean
    Job reviewReportJob(JobRepository jobs, RunningExecutions running, Step computeKpisStep,
            Step computeCheckpointsStep, Step evaluateKpisStep, Step exportResultsStep, Step renderReportStep,
            Step deliverReportStep) {
        return reportJob(ReportKind.REVIEW, jobs, running, computeKpisStep, computeCheckpointsStep, evaluateKpisStep,
                exportResultsStep, renderReportStep, deliverReportStep);
    }

    private static Job reportJob(ReportKind kind, JobRepository jobs, RunningExecutions running, Step... steps) {
        var builder = new JobBuilder(ReportJobs.name(kind), jobs).listener(running).start(steps[0]);
        for (int i = 1; i < steps.length; i++) {
            builder = builder.next(steps[i]);
        }
        return builder.build();
    }

    /**
     * The parameters of the run, read from its job parameters once per step execution. Step-scoped without a proxy,
     * since a record cannot be subclassed: each step asks its provider for them while it runs.
     */
    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.NO)
    ReportRunParameters reportRunParameters(@Value("#{stepExecution.jobParameters}") JobParameters parameters) {
        return ReportRunParameters.of(parameters);
    }

    /**
     * Brings the stored KPIs of the period and of every period it is compared with that holds data up to
     * date: a period before the data begins has no values to compare with, not values of 0. What is stored
     * and still valid is reused (see {@link KpiEngine#update}); the step's write count is the values computed.
     */
    @Bean
    Step computeKpisStep(JobRepository jobs, PlatformTransactionManager transactions, KpiEngine engine,
            DataCoverage coverage, StopBeforeStep stop, ObjectProvider<ReportRunParameters> run) {
        Tasklet tasklet = (contribution, context) -> {
            ReportingPeriod period = run.getObject().period();
            List<ReportingPeriod> periods = KpiEvaluator.comparedPeriods(period).stream()
                    .filter(p -> p.equals(period) || coverage.hasData(p)).toList();
            KpiEngine.Update update = engine.update(periods);
            contribution.incrementWriteCount(update.values());
            // the read count: the computations taken as stored (see ReportRunner.StepTime#reused)
            context.getStepContext().getStepExecution().setReadCount(update.reused());
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("computeKpisStep", jobs).tasklet(tasklet, transactions).listener(stop).build();
    }

    /**
     * Compares each value with earlier periods, target and benchmark, flags it and finds the measures. An
     * earlier period without any data counts as no value (a gap in the trend, no change to it), even where
     * an earlier computation left values of it.
     */
    @Bean
    Step evaluateKpisStep(JobRepository jobs, PlatformTransactionManager transactions, KpiValueRepository values,
            KpiEvaluator evaluator, KpiResultRepository results, DataCoverage coverage, Clock clock,
            StopBeforeStep stop, ObjectProvider<ReportRunParameters> run) {
        Tasklet tasklet = (contribution, context) -> {
            ReportRunParameters parameters = run.getObject();
            ReportingPeriod period = parameters.period();
            Set<ReportingPeriod> withData = new HashSet<>();
            Map<ReportingPeriod, List<KpiValue>> stored = new LinkedHashMap<>();
            for (ReportingPeriod p : KpiEvaluator.comparedPeriods(period)) {
                if (p.equals(period) || coverage.hasData(p)) {
                    withData.add(p);
                    stored.put(p, values.find(p));
                } else {
                    stored.put(p, List.of());
                }
            }
            var evaluated = evaluator.evaluate(parameters.report(), period, stored);
            results.replace(parameters.report(), period, evaluated, withData, LocalDateTime.now(clock));
            contribution.incrementWriteCount(evaluated.size());
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("evaluateKpisStep", jobs).tasklet(tasklet, transactions).listener(stop).build();
    }

    /** Writes the evaluated results as kpi-results.csv into the run's output folder. */
    @Bean
    Step exportResultsStep(JobRepository jobs, PlatformTransactionManager transactions, KpiResultRepository results,
            StopBeforeStep stop, ObjectProvider<ReportRunParameters> run) {
        Tasklet tasklet = (contribution, context) -> {
            ReportRunParameters parameters = run.getObject();
            var rows = results.find(parameters.report(), parameters.period());
            ResultsCsv.write(parameters.out().resolve("kpi-results.csv"), rows);
            contribution.incrementWriteCount(rows.size());
            return RepeatStatus.FINISHED;
        };
        // runs again when a failed run resumes, so that the files the delivery attaches exist in the run's folder
        return new StepBuilder("exportResultsStep", jobs).tasklet(tasklet, transactions).allowStartIfComplete(true)
                .listener(stop).build();
    }

    /**
     * Renders every PDF of the report (see {@link ReportDocument}) from the stored results into the
     * run's output folder, once in each language its recipients read, beside kpi-results.csv, and keeps the list of files in the job's
     * execution context under {@value #RENDERED} for the steps that follow.
     */
    @Bean
    Step renderReportStep(JobRepository jobs, PlatformTransactionManager transactions,
            List<ReportDocument> documents, Delivery delivery, StopBeforeStep stop,
            ObjectProvider<ReportRunParameters> run) {
        Tasklet tasklet = (contribution, context) -> {
            ReportRunParameters parameters = run.getObject();
            Edition edition = parameters.edition();
            ArrayList<RenderedPdf> rendered = new ArrayList<>();
            // each language once per run, however many recipients read it
            List<Locale> languages = delivery.languages(edition.report()).stream().map(Locale::forLanguageTag)
                    .toList();
            for (ReportDocument document : documents) {
                if (document.renders(edition.report())) {
                    rendered.addAll(document.write(edition, parameters.out(), languages));
                }
            }
            context.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                    .put(RENDERED, rendered);
            contribution.incrementWriteCount(rendered.size());
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("renderReportStep", jobs).tasklet(tasklet, transactions).allowStartIfComplete(true)
                .listener(stop).build();
    }
}

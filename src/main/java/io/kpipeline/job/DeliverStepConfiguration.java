package io.kpipeline.job;

import io.kpipeline.delivery.Delivery;
import io.kpipeline.delivery.DeliveryInterrupted;
import io.kpipeline.delivery.DeliveryReport;
import io.kpipeline.report.RenderedPdf;
import io.kpipeline.system.KpiException;
import java.util.List;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The last step of every report job: mails the PDFs the render step wrote (see {@link Delivery}).
 * When messages fail the step fails, so that running the report again resumes the run (export and
 * render run again, so the attachments exist) and sends only what is missing; so it does when the process was
 * asked to stop between two messages. A delivery held by the freshness gate completes the job, so that the next
 * run computes the period again from the data loaded meanwhile.
 */
@Configuration(proxyBeanMethods = false)
class DeliverStepConfiguration {

    /** The job execution context's {@link DeliveryReport}. */
    static final String DELIVERED = "delivered";

    @Bean
    Step deliverReportStep(JobRepository jobs, PlatformTransactionManager transactions, Delivery delivery,
            StopBeforeStep stop, ObjectProvider<ReportRunParameters> run) {
        Tasklet tasklet = (contribution, context) -> {
            ReportRunParameters parameters = run.getObject();
            var jobContext = context.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
            @SuppressWarnings("unchecked")
            List<RenderedPdf> rendered = (List<RenderedPdf>) jobContext.get(ReportJobConfiguration.RENDERED);
            DeliveryReport report;
            try {
                report = delivery.deliver(parameters.edition(), rendered == null ? List.of() : rendered,
                        parameters.out().resolve("kpi-results.csv"), parameters.delivery());
            } catch (DeliveryInterrupted e) {
                // kept in memory only, as the database is gone: ReportRunner tells the user what left
                jobContext.put(DELIVERED, e.report());
                throw e;
            }
            jobContext.put(DELIVERED, report);
            contribution.incrementWriteCount(report.count(DeliveryReport.Result.SENT)
                    + report.count(DeliveryReport.Result.WRITTEN));
            if (report.failed()) {
                throw new KpiException(report.failure());
            }
            if (report.stopped()) {
                throw new KpiException(report.stoppedBefore()); // the next run resumes here
            }
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("deliverReportStep", jobs).tasklet(tasklet, transactions).listener(stop).build();
    }
}

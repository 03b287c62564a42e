package io.kpipeline.job;

import io.kpipeline.kpi.KpiEngine;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.report.ReviewReportSettings;
import io.kpipeline.review.ReviewPeriods;
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
 * The step only the 30-day review has: the KPIs of its weekly checkpoints, of its 13 weeks of history
 * and of the weeks before its end.
 */
@Configuration(proxyBeanMethods = false)
class ReviewStepsConfiguration {

    /**
     * Computes and stores the KPIs of the cycle's four checkpoints (the 30 days ending on day 7, 14,
     * 21 and 28), of its history (the 30 days ending every 7 days back from its last day over 13
     * weeks, which bound a projection) and of the ISO weeks the redundancy check reads (see
     * {@link ReviewPeriods}).
     */
    @Bean
    Step computeCheckpointsStep(JobRepository jobs, PlatformTransactionManager transactions, KpiEngine engine,
            ReviewReportSettings settings, StopBeforeStep stop, ObjectProvider<ReportRunParameters> run) {
        Tasklet tasklet = (contribution, context) -> {
            ReportingPeriod cycle = run.getObject().period();
            KpiEngine.Update update = engine.update(List.copyOf(ReviewPeriods.all(cycle, settings.correlationWeeks())));
            contribution.incrementWriteCount(update.values());
            context.getStepContext().getStepExecution().setReadCount(update.reused());
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("computeCheckpointsStep", jobs).tasklet(tasklet, transactions).listener(stop)
                .build();
    }
}

package io.kpipeline.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.delivery.DeliveryOptions;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.report.Edition;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * A run's parameters read back as they were started, and only the business key identifies the run: report, period
 * and run number, and for a preliminary report its last day of data.
 */
class ReportRunParametersTests {

    private static final RunOwner OWNER = new RunOwner("kpi-1", 4242, 1_700_000_000_000L, null);
    private static final ReportingPeriod OCTOBER = ReportingPeriod.parse("2026-10");

    @Test
    void aRunReadsBackWithTheKeyAsItsIdentifyingParameters() {
        var run = new ReportRunParameters(ReportKind.MONTHLY, OCTOBER, 2, Path.of("/srv/kpi/reports/monthly/2026-10"),
                null, new DeliveryOptions(false, true, false));

        JobParameters parameters = run.jobParameters(OWNER);

        assertThat(ReportRunParameters.of(parameters)).isEqualTo(run);
        assertThat(run.edition()).isEqualTo(Edition.of(ReportKind.MONTHLY, OCTOBER));
        assertThat(parameters.getIdentifyingParameters()).extracting(JobParameter::name)
                .containsExactlyInAnyOrder("report", "period", "run");
        // the stored text forms, as earlier versions wrote them
        assertThat(parameters.getString("report")).isEqualTo("monthly");
        assertThat(parameters.getString("period")).isEqualTo("2026-10");
        assertThat(parameters.getLong("run")).isEqualTo(2L);
        assertThat(parameters.getString("mail")).isEqualTo("false");
        assertThat(parameters.getString("resend")).isEqualTo("true");
        assertThat(parameters.getString("owner")).isEqualTo("kpi-1/4242/1700000000000");
    }

    @Test
    void aPreliminaryRunIsIdentifiedByItsLastDayOfDataToo() {
        LocalDate upTo = LocalDate.of(2026, 10, 14);
        var run = new ReportRunParameters(ReportKind.MONTHLY, OCTOBER, 1, Path.of("/tmp/out"), upTo,
                DeliveryOptions.AS_CONFIGURED);

        JobParameters parameters = run.jobParameters(OWNER);

        assertThat(ReportRunParameters.of(parameters).edition())
                .isEqualTo(Edition.preliminary(ReportKind.MONTHLY, OCTOBER, upTo));
        assertThat(parameters.getIdentifyingParameters()).extracting(JobParameter::name)
                .containsExactlyInAnyOrder("report", "period", "run", "preliminary");
        assertThat(parameters.getString("preliminary")).isEqualTo("2026-10-14");
    }

    @Test
    void aRunRecordedWithoutDeliveryParametersMailsAsConfigured() {
        JobParameters parameters = new JobParametersBuilder().addString("report", "weekly")
                .addString("period", "2026-W44").addLong("run", 1L).addString("out", "/tmp/out", false)
                .toJobParameters();

        assertThat(ReportRunParameters.of(parameters).delivery()).isEqualTo(DeliveryOptions.AS_CONFIGURED);
    }
}

package io.kpipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.report.Edition;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The freshness gate holds a report while a source database the scheduler syncs has not been synced successfully
 * since the end of the period's last day: its data of that day cannot all be in. Its own home: the context differs.
 */
@SpringBootTest(properties = {"kpi.home=target/test-home-source-freshness",
        "kpi.sources.crm.url=jdbc:mysql://127.0.0.1:9/crm", "kpi.sources.crm.profile=suitecrm",
        "kpi.sources.old.url=jdbc:mysql://127.0.0.1:9/old", "kpi.sources.old.profile=matomo",
        "kpi.sources.old.enabled=false"})
class SourceFreshnessTests {

    /** Monday 2026-11-09 to Sunday 2026-11-15. */
    private static final Edition WEEK_46 = Edition.of(ReportKind.WEEKLY, ReportingPeriod.parse("2026-W46"));
    private static final DeliverySettings.Freshness LEADS = new DeliverySettings.Freshness(
            List.of("lead.created_at"), 2, 6, 0.2);

    @Autowired
    FreshnessGate gate;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSourceNotSyncedSinceTheEndOfThePeriodsLastDayHoldsTheReport() {
        jdbc.update("DELETE FROM sync_run");
        // never synced; the disabled source old is not waited for
        assertThat(gate.check(WEEK_46, LEADS).incomplete())
                .contains("the source crm has not been synced successfully yet (sync --source crm)")
                .doesNotContain("old");

        // a successful sync on Saturday, a failed one on Monday night: Sunday's data is not in
        run("2026-11-14 02:00:00", "SUCCEEDED");
        run("2026-11-16 02:00:00", "FAILED");
        assertThat(gate.check(WEEK_46, LEADS).incomplete())
                .contains("the source crm was last synced successfully at 2026-11-14 02:00, before the end of 2026-11-15");

        // synced after the week's end: the source is no reason to hold (the empty lead table still is)
        run("2026-11-17 02:00:00", "SUCCEEDED");
        assertThat(gate.check(WEEK_46, LEADS).incomplete()).doesNotContain("crm");
        // a report whose gate is switched off does not wait for sources either
        assertThat(gate.check(WEEK_46, new DeliverySettings.Freshness(List.of(), 2, 6, 0.2)).holds()).isFalse();
    }

    private void run(String finishedAt, String status) {
        jdbc.update("INSERT INTO sync_run (source, started_at, finished_at, status) VALUES ('crm', ?, ?, ?)",
                finishedAt, finishedAt, status);
    }
}

package io.kpipeline.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kpipeline.delivery.DeliveryOptions;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.system.KpiException;
import io.kpipeline.job.ReportRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/** A backfill runs each period of the range once, in order, and skips the completed ones unless told to rerun. */
@SpringBootTest
class BackfillTests {

    @Autowired
    Backfill backfill;

    BatchHistory history;

    @BeforeEach
    void history(@Autowired JobRepository jobs, @Autowired JdbcTemplate jdbc) {
        history = new BatchHistory(jobs, jdbc);
    }

    @Test
    void theRangeHoldsEveryPeriodFromFirstToLastAcrossTheYear() {
        assertThat(ids(backfill.range(ReportKind.WEEKLY, ReportingPeriod.parse("2025-W51"),
                ReportingPeriod.parse("2026-W02")))).containsExactly("2025-W51", "2025-W52", "2026-W01", "2026-W02");
        assertThat(ids(backfill.range(ReportKind.MONTHLY, ReportingPeriod.parse("2025-11"),
                ReportingPeriod.parse("2026-02")))).containsExactly("2025-11", "2025-12", "2026-01", "2026-02");
        // cycles from 2026-01-05 (config/application.yml): 01-05..02-03, 02-04..03-05, 03-06..04-04
        assertThat(ids(backfill.range(ReportKind.REVIEW, ReportingPeriod.parse("30d:2026-02-03"),
                ReportingPeriod.parse("30d:2026-04-04"))))
                .containsExactly("30d:2026-02-03", "30d:2026-03-05", "30d:2026-04-04");
    }

    @Test
    void aRangeThatIsNotTheReportsIsRefusedWithWhatToWrite() {
        assertThatThrownBy(() -> backfill.range(ReportKind.WEEKLY, ReportingPeriod.parse("2026-01"),
                ReportingPeriod.parse("2026-W02"))).isInstanceOf(KpiException.class)
                .hasMessage("2026-01 is not a period of the weekly report; write ISO weeks like 2026-W40.");
        assertThatThrownBy(() -> backfill.range(ReportKind.REVIEW, ReportingPeriod.parse("30d:2026-02-10"),
                ReportingPeriod.parse("30d:2026-04-04"))).hasMessageStartingWith(
                "30d:2026-02-10 is not a review cycle: cycles run 30 days from 2026-01-05")
                .hasMessageContaining("e.g. 30d:2026-03-05"); // the cycle that 10 Feb falls in
        assertThatThrownBy(() -> backfill.range(ReportKind.MONTHLY, ReportingPeriod.parse("2026-03"),
                ReportingPeriod.parse("2026-01"))).hasMessage("--from 2026-03 is after --to 2026-01; give the earlier"
                + " period first.");
    }

    @Test
    void completedPeriodsAreSkippedUnlessRerunAndEachOtherRunsOnceInOrder() {
        history.forget(ReportKind.WEEKLY, "2024-W1");
        history.recordCompleted(ReportKind.WEEKLY, "2024-W11");
        List<ReportingPeriod> range = backfill.range(ReportKind.WEEKLY, ReportingPeriod.parse("2024-W10"),
                ReportingPeriod.parse("2024-W12"));
        List<Backfill.Done> progress = new ArrayList<>();

        var summary = backfill.run(ReportKind.WEEKLY, range, false, DeliveryOptions.AS_CONFIGURED, progress::add);

        assertThat(progress).extracting(d -> d.index() + "/" + d.total() + " " + d.period().id() + " run " + d.run())
                .containsExactly("1/3 2024-W10 run 1", "2/3 2024-W11 run 0", "3/3 2024-W12 run 1"); // run 0: skipped
        assertThat(progress.get(0).left()).isPositive(); // one period still to run after the first
        assertThat(progress.get(2).left()).isZero();
        assertThat(summary.ran()).isEqualTo(2);
        assertThat(summary.skipped()).isEqualTo(1);

        var again = backfill.run(ReportKind.WEEKLY, range.subList(1, 2), true, DeliveryOptions.AS_CONFIGURED, d -> { });
        assertThat(again.ran()).isEqualTo(1);
        assertThat(history.completedRuns("weeklyReportJob", "2024-W1%"))
                .isEqualTo(Map.of("2024-W10", 1L, "2024-W11", 2L, "2024-W12", 1L)); // W11: recorded run 1, rerun 2
    }

    @Test
    void aFailingPeriodStopsTheBackfillAndSaysHowToResume(@Autowired ReportRunner runner) throws IOException {
        history.forget(ReportKind.WEEKLY, "2024-W2");
        List<ReportingPeriod> range = backfill.range(ReportKind.WEEKLY, ReportingPeriod.parse("2024-W20"),
                ReportingPeriod.parse("2024-W21"));
        Path folder = runner.defaultFolder(ReportKind.WEEKLY, range.get(0));
        FileSystemUtils.deleteRecursively(folder);
        Files.createDirectories(folder.getParent());
        Files.writeString(folder, "a file where the period's folder belongs: writing the results fails");
        List<Backfill.Done> progress = new ArrayList<>();
        try {
            assertThatThrownBy(() -> backfill.run(ReportKind.WEEKLY, range, false, DeliveryOptions.AS_CONFIGURED, progress::add))
                    .isInstanceOf(KpiException.class)
                    .hasMessageStartingWith("Backfill stopped at 2024-W20 (1 of 2; 0 run, 0 skipped before it): The"
                            + " weekly report for 2024-W20 failed: ")
                    .hasMessageEndingWith("Resume with: kpi-pipeline backfill weekly --from 2024-W20 --to 2024-W21 --mail");
            assertThat(progress).isEmpty(); // W21 did not start
        } finally {
            Files.delete(folder);
        }

        var resumed = backfill.run(ReportKind.WEEKLY, range, false, DeliveryOptions.AS_CONFIGURED, progress::add);
        assertThat(resumed.ran()).isEqualTo(2);
        assertThat(progress).extracting(Backfill.Done::run).containsExactly(1L, 1L); // W20's failed run 1 resumed
        assertThat(history.completedRuns("weeklyReportJob", "2024-W2%"))
                .isEqualTo(Map.of("2024-W20", 1L, "2024-W21", 1L));
    }

    @Test
    void periodsWhoseDeliveryIsHeldAreNamedAndTheBackfillGoesOn() {
        // no source data can reach into 2099: the freshness gate holds both weeks' delivery
        history.forget(ReportKind.WEEKLY, "2099-W");
        List<ReportingPeriod> range = backfill.range(ReportKind.WEEKLY, ReportingPeriod.parse("2099-W10"),
                ReportingPeriod.parse("2099-W11"));
        List<Backfill.Done> progress = new ArrayList<>();

        var summary = backfill.run(ReportKind.WEEKLY, range, false, DeliveryOptions.AS_CONFIGURED, progress::add);

        assertThat(summary.ran()).isEqualTo(2); // W11 ran after W10 was held
        assertThat(ids(summary.held())).containsExactly("2099-W10", "2099-W11");
        assertThat(progress).allSatisfy(d -> assertThat(d.delivery().isHeld()).isTrue());
    }

    private static List<String> ids(List<ReportingPeriod> periods) {
        return periods.stream().map(ReportingPeriod::id).toList();
    }
}

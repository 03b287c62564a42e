package io.kpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes in a backfill's command line are usage errors, reported before the database starts. */
class BackfillCommandTests {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void scheduleAndBackfillAreCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("schedule", "backfill");
        assertThat(run("backfill", "--help")).isZero();
        assertThat(out.toString()).contains("--from=P", "--to=P", "--rerun", "skipped");
    }

    @Test
    void aBackfillNeedsBothEndsOfItsRange() {
        assertThat(run("backfill", "weekly", "--from", "2026-W40")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--to=P'");
    }

    @Test
    void aPeriodThatDoesNotParseIsNamedWithItsOption() {
        assertThat(run("backfill", "monthly", "--from", "2026-13", "--to", "2026-12")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Error: --from \"2026-13\" is not a period");
    }

    @Test
    void aRangeOfAnotherKindOrBackwardsIsRefusedBeforeAnyDatabaseStarts(@TempDir Path dir) {
        String home = "--kpi.home=" + dir.resolve("home");
        assertThat(run("backfill", "weekly", "--from", "2026-10", "--to", "2026-11", home)).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("Error: 2026-10 is not a period of the weekly report; write ISO weeks"
                + " like 2026-W40." + System.lineSeparator());
        err.getBuffer().setLength(0);
        assertThat(run("backfill", "monthly", "--from", "2026-11", "--to", "2026-10", home)).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("Error: --from 2026-11 is after --to 2026-10; give the earlier period"
                + " first." + System.lineSeparator());
        assertThat(dir.resolve("home")).doesNotExist();
    }

    @Test
    void heldPeriodsAreNamedWithTheCommandThatDeliversThem() {
        assertThat(BackfillCommand.held(ReportKind.WEEKLY, List.of(ReportingPeriod.parse("2026-W41"),
                ReportingPeriod.parse("2026-W43")))).isEqualTo("The delivery of 2 periods was held because the source"
                + " data looks incomplete (2026-W41, 2026-W43). Load the missing data and run `kpi-pipeline backfill"
                + " weekly --from 2026-W41 --to 2026-W43 --rerun --mail`, or deliver them as they are with `kpi-pipeline"
                + " backfill weekly --from 2026-W41 --to 2026-W43 --rerun --mail --force`.");
    }

    @Test
    void mailAndNoMailTogetherAreAUsageError() {
        assertThat(run("backfill", "weekly", "--from", "2026-W40", "--to", "2026-W41", "--mail", "--no-mail"))
                .isEqualTo(2);
        assertThat(err.toString()).isEqualTo("Error: --mail and --no-mail contradict each other: give --mail to"
                + " deliver the periods, or neither to deliver nothing." + System.lineSeparator());
    }

    @Test
    void theHelpSaysThatOnlyMailDelivers() {
        assertThat(run("backfill", "--help")).isZero();
        assertThat(out.toString()).contains("--mail", "Nothing is delivered unless --mail is given",
                "--no-mail is the default and is still accepted");
    }

    @Test
    void theHelpNamesTheExitStatusOfAHeldDelivery() {
        assertThat(run("backfill", "--help")).isZero();
        assertThat(out.toString()).contains("Exit status 1 when a period failed or a period's delivery was held");
    }
}

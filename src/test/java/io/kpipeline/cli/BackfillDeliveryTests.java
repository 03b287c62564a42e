package io.kpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * A backfill delivers only with --mail: its periods are history. The commands run on a home of their own,
 * emptied first (database, outbox), with two months of generated data; there is no spring.mail.host, so a
 * delivery is written to the outbox.
 */
class BackfillDeliveryTests {

    private static final Path HOME = Path.of(System.getProperty("kpi.home", "target/test-home")).resolve("cli-backfill");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--kpi.home=" + HOME;
        return Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    @Test
    void withoutMailNothingReachesTheOutboxAndWithMailEveryPeriodIsWrittenThere() throws IOException {
        FileSystemUtils.deleteRecursively(HOME);
        assertThat(run("generate", "--from", "2026-01-05", "--to", "2026-03-01", "--leads", "200")).as(err.toString())
                .isZero();

        // --force: the freshness gate is not what this test is about
        assertThat(run("backfill", "weekly", "--from", "2026-W07", "--to", "2026-W08", "--force")).as(err.toString())
                .isZero();
        assertThat(out.toString()).containsPattern("\\[1/2] 2026-W07 +run 1 in .*; not delivered \\(add --mail\\)")
                .containsPattern("\\[2/2] 2026-W08 +run 1 in .*; not delivered \\(add --mail\\)")
                .contains("Nothing was delivered; `kpi-pipeline backfill weekly --from 2026-W07 --to 2026-W08"
                        + " --rerun --mail` delivers the periods.");
        assertThat(messages()).isEmpty();
        assertThat(Files.exists(HOME.resolve("reports/weekly/2026-W08/weekly-report.pdf"))).isTrue();

        assertThat(run("backfill", "weekly", "--from", "2026-W07", "--to", "2026-W08", "--rerun", "--mail", "--force"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("\\[1/2] 2026-W07 +run 2 in .*; \\d+ written to the outbox")
                .containsPattern("\\[2/2] 2026-W08 +run 2 in .*; \\d+ written to the outbox")
                .doesNotContain("sent", "Nothing was delivered");
        assertThat(messages()).extracting(p -> p.getFileName().toString())
                .contains("weekly-2026-W07-report-vertrieb@example.com.eml",
                        "weekly-2026-W08-report-vertrieb@example.com.eml");

        // --no-mail is the default: accepted, and delivers nothing
        assertThat(run("backfill", "weekly", "--from", "2026-W09", "--to", "2026-W09", "--no-mail", "--force"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("not delivered (add --mail)");
        assertThat(messages()).noneMatch(p -> p.getFileName().toString().startsWith("weekly-2026-W09-"));
    }

    private static List<Path> messages() throws IOException {
        Path outbox = HOME.resolve("outbox");
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(p -> p.getFileName().toString().startsWith("weekly-")).toList();
        }
    }
}

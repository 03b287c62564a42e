package io.kpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.model.CanonicalModel;
import io.kpipeline.model.Table;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands end to end, each in its own process-like run with its own embedded database. */
class GenerateImportRoundTripTests {

    private static final Pattern COUNT_LINE = Pattern.compile("^\\s+([a-z_]+)\\s+([0-9,]+)$", Pattern.MULTILINE);

    @TempDir
    Path csv;

    @TempDir
    Path scratch;

    private final String home = "--kpi.home=" + Path.of(System.getProperty("kpi.home", "target/test-home"))
            .resolve("cli");

    @Test
    void importingTheGeneratedCsvFilesStoresExactlyTheirRowsAndAgainChangesNothing() throws IOException {
        Result generated = run("generate", "--csv", csv.toString(), "--from", "2026-01-01", "--to", "2026-03-31",
                "--leads", "600", "--seed", "7", home);
        assertThat(generated.status).as(generated.err).isZero();
        Map<String, Long> inFiles = recordsPerFile();
        assertThat(inFiles.keySet()).containsExactlyElementsOf(CanonicalModel.tables().stream().map(Table::name).toList());
        assertThat(inFiles.values()).allMatch(rows -> rows > 0);

        String freshHome = "--kpi.home=" + scratch.resolve("home");

        Result imported = run("import", "--dir", csv.toString(), freshHome);
        assertThat(imported.status).as(imported.err + imported.out).isZero();
        assertThat(imported.out).contains("lead.csv: " + String.format(java.util.Locale.ROOT, "%,d", inFiles.get("lead"))
                + " rows read, " + String.format(java.util.Locale.ROOT, "%,d", inFiles.get("lead")) + " inserted, 0 updated");
        assertThat(storedRows(freshHome)).isEqualTo(inFiles);

        Result again = run("import", "--dir", csv.toString(), freshHome);
        assertThat(again.status).as(again.err).isZero();
        assertThat(again.out).contains("lead.csv: " + String.format(java.util.Locale.ROOT, "%,d", inFiles.get("lead"))
                + " rows read, 0 inserted, " + String.format(java.util.Locale.ROOT, "%,d", inFiles.get("lead")) + " updated");
        assertThat(storedRows(freshHome)).isEqualTo(inFiles);
    }

    private Map<String, Long> recordsPerFile() throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Table table : CanonicalModel.tables()) {
            try (Reader reader = Files.newBufferedReader(csv.resolve(table.fileName()), StandardCharsets.UTF_8);
                 CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                         .parse(reader)) {
                counts.put(table.name(), parser.stream().count());
            }
        }
        return counts;
    }

    private Map<String, Long> storedRows(String homeArgument) {
        Result demo = run("demo", homeArgument);
        assertThat(demo.status).as(demo.err).isZero();
        assertThat(demo.out).contains("Using the data already in the database");
        // each report is listed with its files (this data has no rep active in the latest week), in German and, for
        // the sales lead of config/application.yml, English
        assertThat(demo.out).contains("weekly-report.pdf, weekly-report.en.pdf, kpi-results.csv",
                "management-report.pdf, management-report.en.pdf, kpi-results.csv",
                "review-report.pdf, review-report.en.pdf, kpi-results.csv");
        Map<String, Long> counts = new LinkedHashMap<>();
        Matcher m = COUNT_LINE.matcher(demo.out);
        while (m.find()) {
            if (!m.group(1).equals("total")) {
                counts.put(m.group(1), Long.parseLong(m.group(2).replace(",", "")));
            }
        }
        return counts;
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(status, out.toString(), err.toString());
    }

    private record Result(int status, String out, String err) {
    }
}

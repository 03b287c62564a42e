package io.kpipeline.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.delivery.DeliveryOptions;
import io.kpipeline.generate.CsvSink;
import io.kpipeline.ingest.CsvImporter;
import io.kpipeline.ingest.ImportReport;
import io.kpipeline.model.CanonicalModel;
import io.kpipeline.model.Table;
import io.kpipeline.model.TableCounts;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.system.KpiProperties;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ids and names a spreadsheet would run as formulas travel from the generator's CSV files through the
 * real import and a weekly run into kpi-results.csv, where they arrive as text; and everything that run
 * writes under KPI_HOME is readable by its owner alone.
 */
@SpringBootTest
class FormulaSafeAndPrivateRunTests {

    static final String REP = "=HYPERLINK(\"http://evil.example/\",\"Details\")";
    static final String CAMPAIGN = "-1+1";
    static final String CHANNEL_NAME = "@E-Mail";
    static final ReportingPeriod WEEK = ReportingPeriod.parse("2026-W46");

    @Autowired
    ReportRunner runner;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void importFormulaIds(@TempDir Path csv, @Autowired TableCounts tables, @Autowired CsvImporter importer)
            throws IOException {
        tables.deleteAll();
        jdbc.update("DELETE FROM delivery");
        try (CsvSink sink = new CsvSink(csv)) {
            add(sink, "channel", Map.of("code", "EMAIL", "name", CHANNEL_NAME, "category", "ONLINE"));
            add(sink, "channel", Map.of("code", "PHONE", "name", "Telefon", "category", "OFFLINE"));
            add(sink, "sales_rep", Map.of("id", REP, "name", "-Anna Schulz", "email", "anna@example.com",
                    "active", true));
            add(sink, "campaign", Map.of("id", CAMPAIGN, "name", "+Herbst", "channel_code", "EMAIL",
                    "start_date", LocalDate.of(2026, 10, 1), "budget", new BigDecimal("1000.00")));
            // two leads in the week before, one in the week: leads_created changes by -1
            for (String[] lead : new String[][] {{"L1", "2026-11-03T09:00"}, {"L2", "2026-11-04T09:00"},
                    {"L3", "2026-11-10T09:00"}}) {
                add(sink, "lead", Map.of("id", lead[0], "channel_code", "EMAIL", "campaign_id", CAMPAIGN,
                        "owner_rep_id", REP, "created_at", LocalDateTime.parse(lead[1])));
            }
            add(sink, "activity", Map.of("id", "A1", "rep_id", REP, "lead_id", "L3", "channel_code", "PHONE",
                    "type", "CALL", "occurred_at", LocalDateTime.of(2026, 11, 10, 10, 0), "duration_minutes", 15,
                    "outcome", "REACTION"));
            sink.finish();
        }
        // the generator's files guard the texts too, and the import reads them back unchanged
        assertThat(Files.readString(csv.resolve("sales_rep.csv"), StandardCharsets.UTF_8))
                .contains("\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"Details\"\")\",'-Anna Schulz,");
        ImportReport imported = importer.importDirectory(csv);
        assertThat(imported.allLoaded()).as(String.join("\n", imported.summaryLines())).isTrue();
        assertThat(jdbc.queryForObject("SELECT CONCAT(id, '|', name) FROM sales_rep", String.class))
                .isEqualTo(REP + "|-Anna Schulz");
        assertThat(jdbc.queryForObject("SELECT name FROM channel WHERE code = 'EMAIL'", String.class))
                .isEqualTo(CHANNEL_NAME);
        assertThat(jdbc.queryForObject("SELECT CONCAT(id, '|', name) FROM campaign", String.class))
                .isEqualTo(CAMPAIGN + "|+Herbst");
    }

    @Test
    void formulaIdsArriveInKpiResultsAsTextWhileNegativeNumbersStayNumbers(@TempDir Path out) throws IOException {
        var outcome = runner.run(ReportKind.WEEKLY, WEEK, out);
        assertThat(outcome.status()).as(String.valueOf(outcome.failure())).isEqualTo(BatchStatus.COMPLETED);

        List<CSVRecord> rows = read(out.resolve("kpi-results.csv"));
        assertThat(rows).filteredOn(r -> r.get("dimension").equals("rep")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("dimension_value")).isEqualTo("'" + REP));
        assertThat(rows).filteredOn(r -> r.get("dimension").equals("campaign")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("dimension_value")).isEqualTo("'" + CAMPAIGN));
        CSVRecord leads = rows.stream().filter(r -> r.get("kpi_id").equals("leads_created")
                && r.get("dimension").isEmpty()).findFirst().orElseThrow();
        assertThat(leads.get("value")).isEqualTo("1");
        assertThat(leads.get("previous_value")).isEqualTo("2");
        assertThat(leads.get("change")).isEqualTo("-1");
        for (CSVRecord row : rows) {
            for (String column : List.of("value", "numerator", "denominator", "previous_value", "change",
                    "relative_change", "target", "benchmark")) {
                assertThat(row.get(column)).as(row.get("kpi_id") + " " + column).doesNotStartWith("'");
            }
            for (String column : List.of("kpi_id", "dimension", "dimension_value", "reason", "flags", "actions")) {
                assertThat(row.get(column)).as(row.get("kpi_id") + " " + column).doesNotStartWith("=")
                        .doesNotStartWith("-").doesNotStartWith("+").doesNotStartWith("@");
            }
        }
    }

    @Test
    void everyFileARunWritesUnderTheHomeIsTheOwnersAlone(@Autowired KpiProperties properties) throws IOException {
        Path folder = runner.defaultFolder(ReportKind.WEEKLY, WEEK);
        // forced past the freshness gate (the few rows end before the week does), so that the messages are written
        var outcome = runner.run(ReportKind.WEEKLY, WEEK, folder, new DeliveryOptions(true, false, true));
        assertThat(outcome.status()).as(String.valueOf(outcome.failure())).isEqualTo(BatchStatus.COMPLETED);

        Path home = properties.home().toAbsolutePath().normalize();
        assertThat(folder.toAbsolutePath().normalize()).startsWith(home.resolve("reports"));
        assertThat(folder.resolve("kpi-results.csv")).exists();
        assertThat(folder.resolve("weekly-report.pdf")).exists();
        assertThat(folder.resolve("reps")).isNotEmptyDirectory();
        try (Stream<Path> messages = Files.list(home.resolve("outbox"))) {
            assertThat(messages.map(p -> p.getFileName().toString()))
                    .contains("weekly-2026-W46-report-vertrieb@example.com.eml");
        }
        assertThat(home.resolve("db/kpi.password")).exists();
        assertThat(mode(home)).isEqualTo("rwx------");
        for (Path tree : List.of(home.resolve("reports"), home.resolve("outbox"), home.resolve("db"))) {
            assertThat(openToOthers(tree)).as(tree.toString()).isEmpty();
        }
    }

    private static void add(CsvSink sink, String tableName, Map<String, Object> values) {
        Table table = CanonicalModel.table(tableName).orElseThrow();
        sink.accept(table, table.columnNames().stream().map(values::get).toArray());
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    /** Directories and regular files in {@code tree} that the group or others may use. */
    private static List<String> openToOthers(Path tree) throws IOException {
        List<String> open = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                PosixFileAttributes a = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String mode = PosixFilePermissions.toString(a.permissions());
                if ((a.isDirectory() || a.isRegularFile()) && !mode.endsWith("------")) {
                    open.add(tree.relativize(path) + " " + mode);
                }
            }
        }
        return open;
    }
}

package io.kpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Connect your systems" on a fresh database: a HubSpot export checked, imported through the
 * shipped profile, and the month's report computed from it, with the funnel, deal and activity KPIs.
 */
class ProfileImportCommandTests {

    private static final Path HOME = Path.of(System.getProperty("kpi.home", "target/test-home")).resolve("profiles");
    private static final String EXAMPLE = "config/sources/examples/hubspot";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void freshHome() throws IOException {
        if (Files.exists(HOME)) {
            try (Stream<Path> files = Files.walk(HOME)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    @Test
    void aHubspotExportImportedThroughTheProfileGivesTheMonthsFunnelDealAndActivityKpis() throws IOException {
        assertThat(run("import", "--profile", "hubspot", "--dir", EXAMPLE, "--check")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("nothing is stored.", "Everything would load.");

        assertThat(run("import", "--profile", "hubspot", "--dir", EXAMPLE)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("  deal            6 rows loaded (6 inserted, 0 updated)", "Imported 7 tables.");

        assertThat(run("run", "monthly", "--period", "2026-11", "--no-mail")).as(err.toString() + out).isZero();
        Map<String, String> kpis = totals(HOME.resolve("reports/monthly/2026-11/kpi-results.csv"));
        // contacts 103-110 and the lead of deal 5005, which has no contact, were created in November
        assertThat(kpis.get("leads_created")).isEqualTo("9");
        // MQL on 3, 5, 6, 12 and 21 November (contacts 103, 104, 105, 107, 109)
        assertThat(kpis.get("mql_count")).isEqualTo("5");
        assertThat(Double.parseDouble(kpis.get("conv_lead_mql"))).isCloseTo(5.0 / 9, within(1e-12));
        // "Opportunity" is SQL: contacts 103 and 105
        assertThat(kpis.get("sql_count")).isEqualTo("2");
        // closed in November: 5001 and 5004 won, 5002 lost
        assertThat(Double.parseDouble(kpis.get("win_rate"))).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(Double.parseDouble(kpis.get("tcv_won"))).isEqualTo(48000 + 8400);
        // November's calls, emails and meetings without the contact's reply and the note
        assertThat(kpis.get("contacts")).isEqualTo("10");
        assertThat(kpis.get("lead_response_hours")).isNotEmpty();
    }

    @Test
    void aCheckWithStagesTheProfileDoesNotKnowExitsOneAndNamesThem(@TempDir Path export) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(EXAMPLE))) {
            for (Path file : files.toList()) {
                Files.writeString(export.resolve(file.getFileName()), Files.readString(file)
                        .replace(",Closed Lost,", ",Angebot verhandelt,").replace(",Presentation Scheduled,", ",Pilotphase,"));
            }
        }
        assertThat(run("import", "--profile", "hubspot", "--dir", export.toString(), "--check")).isEqualTo(1);
        assertThat(out.toString()).contains("\"Angebot verhandelt\" (1 row, deal) → add under value-maps.deal-stage.labels",
                "\"Pilotphase\" (1 row, deal) → add under value-maps.deal-stage.labels");
    }

    @Test
    void checkWithoutAProfileIsAUsageError() {
        assertThat(run("import", "--dir", EXAMPLE, "--check")).isEqualTo(2);
        assertThat(err.toString()).contains("--check needs --profile NAME");
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--kpi.home=" + HOME;
        return Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    /** The value of each KPI without breakdown, from kpi-results.csv (kpi_id,dimension,dimension_value,value,...). */
    private static Map<String, String> totals(Path results) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(results)) {
            String[] fields = line.split(",", -1);
            if (fields.length > 3 && fields[1].isEmpty()) {
                values.put(fields[0], fields[3]);
            }
        }
        return values;
    }
}

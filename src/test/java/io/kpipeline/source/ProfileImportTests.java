package io.kpipeline.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.ingest.ImportListener;
import io.kpipeline.model.TableCounts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shipped profiles on the English example exports (config/sources/examples/) with their awkward cases, and
 * what a check and an import do with labels the profile does not know. German exports: {@link GermanExportTests}.
 */
@SpringBootTest
class ProfileImportTests {

    static final Path EXAMPLES = Path.of("config/sources/examples");

    @Autowired
    ProfileImporter importer;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TableCounts tables;

    @TempDir
    Path temp;

    @BeforeEach
    void empty() {
        tables.deleteAll();
    }

    @Test
    void hubspotLoadsOwnersByNameDeactivatedOnesInactiveAndGivesDealsWithoutContactOrCompanyTheirOwn() {
        ProfileReport report = importer.run("hubspot", EXAMPLES.resolve("hubspot"), null, false, ImportListener.none());
        assertThat(report.allLoaded()).as(String.join("\n", report.lines())).isTrue();

        assertThat(rows("SELECT id, name, active FROM sales_rep ORDER BY id"))
                .containsExactly("Jonas Weber|Jonas Weber|1", "Lena Hoffmann|Lena Hoffmann|1", "Max Richter|Max Richter|0");
        assertThat(rows("SELECT id, country FROM account ORDER BY id")).containsExactly("9001|DE", "9002|AT", "9003|CH",
                "9004|DE", "HS-DEAL-5006|NULL");
        // a contact without company, a contact without owner, a deal without contact
        assertThat(rows("SELECT id, account_id, channel_code, owner_rep_id FROM lead WHERE id IN ('104', '108', 'HS-DEAL-5005')"
                + " ORDER BY id")).containsExactly("104|NULL|EMAIL|Jonas Weber", "108|NULL|SOCIAL|NULL",
                "HS-DEAL-5005|9002|UNKNOWN|Lena Hoffmann");
        assertThat(rows("SELECT id, lead_id, account_id, stage, status, amount, closed_at, expected_close_date FROM deal"
                + " ORDER BY id")).containsExactly(
                "5001|101|9001|WON|WON|48000.00|2026-11-18 00:00:00|NULL",
                "5002|102|9002|LOST|LOST|12500.50|2026-11-25 00:00:00|NULL",
                "5003|103|9003|SECOND_MEETING|OPEN|30000.00|NULL|2026-12-20",
                "5004|105|9004|WON|WON|8400.00|2026-11-27 00:00:00|NULL",
                "5005|HS-DEAL-5005|9002|FIRST_MEETING|OPEN|5000.00|NULL|2027-01-15",
                "5006|104|HS-DEAL-5006|FIRST_MEETING|OPEN|0.00|NULL|2026-12-31");
        // one contact row with "Became a ... Date" columns and the deal's "Date entered" columns: one event per
        // stage, the deal's timestamps first (WON at 16:30, not the close date's midnight)
        assertThat(rows("SELECT stage, occurred_at FROM funnel_event WHERE lead_id = '101' ORDER BY occurred_at"))
                .containsExactly("MQL|2026-10-08 10:00:00", "SAL|2026-10-15 11:00:00", "SQL|2026-10-20 14:00:00",
                        "FIRST_MEETING|2026-10-22 10:00:00", "SECOND_MEETING|2026-11-03 09:00:00",
                        "OFFER|2026-11-09 11:00:00", "CONTRACT_SENT|2026-11-12 16:00:00", "WON|2026-11-18 16:30:00");
        // the contact's reply and the note are no sales activity
        assertThat(rows("SELECT id, rep_id, channel_code, type, outcome FROM activity WHERE id IN ('7004', '7006', '7007',"
                + " '7012') ORDER BY id")).containsExactly("7004|Max Richter|PHONE|CALL|NO_REACTION",
                "7006|Jonas Weber|EMAIL|EMAIL|NULL");
    }

    @Test
    void aCheckNamesEveryUnknownStageWithItsCountAndWhereToMapItAndStoresNothing() throws IOException {
        // on an empty database: any row the check left behind would change the counts
        Path export = copy(EXAMPLES.resolve("hubspot"));
        Path deals = export.resolve("hubspot-crm-exports-all-deals-2026-12-01.csv");
        Files.writeString(deals, Files.readString(deals)
                .replace("Sales Pipeline,Closed Lost,", "Sales Pipeline,Angebot verhandelt,")
                .replace("Sales Pipeline,Appointment Scheduled,", "Sales Pipeline,Angebot verhandelt,")
                .replace("Sales Pipeline,Presentation Scheduled,", "Sales Pipeline,Pilotphase,"));
        Map<String, Long> before = tables.count();

        ProfileReport check = importer.run("hubspot", export, null, true, ImportListener.none());

        assertThat(tables.count()).isEqualTo(before);
        assertThat(check.allLoaded()).isFalse();
        String where = "value-maps.deal-stage.labels (config/sources/hubspot.yml, line ";
        assertThat(check.lines()).anySatisfy(line -> assertThat(line).startsWith("  \"Angebot verhandelt\" (2 rows, deal)"
                + " → add under " + where).endsWith("; first in hubspot-crm-exports-all-deals-2026-12-01.csv, line 3,"
                + " column \"Deal Stage\""));
        assertThat(check.lines()).anySatisfy(line -> assertThat(line).startsWith("  \"Pilotphase\" (1 row, deal)"
                + " → add under " + where).endsWith("line 4, column \"Deal Stage\""));
        assertThat(check.lines()).contains("Check of " + export + " with the source profile hubspot"
                + " (config/sources/hubspot.yml): nothing is stored.");
        assertThat(check.lines()).anySatisfy(line -> assertThat(line).startsWith("  deal            3 rows would load"));
    }

    @Test
    void anImportRefusesATableWithUnmappedValuesInOneLineAndStoresNothingOfIt() throws IOException {
        Path export = copy(EXAMPLES.resolve("hubspot"));
        Path deals = export.resolve("hubspot-crm-exports-all-deals-2026-12-01.csv");
        Files.writeString(deals, Files.readString(deals)
                .replace("Sales Pipeline,Closed Lost,", "Sales Pipeline,Angebot verhandelt,")
                .replace("Sales Pipeline,Presentation Scheduled,", "Sales Pipeline,Pilotphase,"));

        ProfileReport report = importer.run("hubspot", export, null, false, ImportListener.none());

        assertThat(count("deal")).isZero();
        assertThat(count("lead")).isEqualTo(11);
        ProfileReport.TableOutcome deal = report.tables().stream().filter(t -> t.table().equals("deal")).findFirst()
                .orElseThrow();
        assertThat(deal.result().problem().message()).isEqualTo("hubspot-crm-exports-all-deals-2026-12-01.csv, line 3,"
                + " column Deal Stage: \"Angebot verhandelt\" has no code in value-maps.deal-stage.labels (1 row; 1 more:"
                + " \"Pilotphase\" (1 row, value-maps.deal-stage.labels)). Add each label with its canonical code under"
                + " the key named, in config/sources/hubspot.yml, and import again; nothing of this table was stored."
                + " import --check lists every such value.");
    }

    @Test
    void pipedriveFindsOrganisationsAndPersonsByNameAndALostDealIsLostWhateverItsStage() {
        ProfileReport report = importer.run("pipedrive", EXAMPLES.resolve("pipedrive"), null, false,
                ImportListener.none());
        assertThat(report.allLoaded()).as(String.join("\n", report.lines())).isTrue();

        assertThat(rows("SELECT id, account_id, channel_code FROM lead ORDER BY id")).containsExactly("201|31|WEBSITE",
                "202|32|REFERRAL", "203|33|PAID_SEARCH", "204|NULL|EVENT", "205|33|UNKNOWN", "PD-DEAL-805|33|UNKNOWN");
        assertThat(rows("SELECT id, lead_id, account_id, stage, status, closed_at FROM deal ORDER BY id")).containsExactly(
                "801|201|31|WON|WON|2026-11-13 15:20:00",
                "802|202|32|LOST|LOST|2026-11-20 11:45:00",
                "803|203|33|SECOND_MEETING|OPEN|NULL",
                "804|204|PD-DEAL-804|SQL|OPEN|NULL",
                "805|PD-DEAL-805|33|WON|WON|2026-11-26 10:30:00");
        // done activities only, HH:MM durations in minutes, a task is no contact
        assertThat(rows("SELECT id, lead_id, type, duration_minutes FROM activity ORDER BY id")).containsExactly(
                "9101|201|CALL|20", "9102|201|MEETING|90", "9103|202|CALL|10", "9104|203|MEETING|60",
                "9105|204|CALL|15", "9106|204|EMAIL|NULL", "9109|205|CALL|25");
    }

    @Test
    void salesforceReadsDataLoaderExportsInUtcAndFindsTheLeadOfAnOpportunity() {
        ProfileReport report = importer.run("salesforce", EXAMPLES.resolve("salesforce"), null, false,
                ImportListener.none());
        assertThat(report.allLoaded()).as(String.join("\n", report.lines())).isTrue();

        assertThat(rows("SELECT name, team, active FROM sales_rep ORDER BY name")).containsExactly(
                "Katrin Maier|Vertrieb Süd|1", "Lukas Berg|Vertrieb Nord|0", "Mia Roth|Vertrieb Nord|1");
        // UTC to Europe/Berlin: summer time before 25 October, winter time after
        assertThat(rows("SELECT id, lead_id, status, created_at FROM deal ORDER BY id")).containsExactly(
                "0065g00000FFFF1AAA|00Q5g00000DDDD1AAA|WON|2026-10-14 11:00:00",
                "0065g00000FFFF2AAA|00Q5g00000DDDD2AAA|LOST|2026-10-22 12:30:00",
                "0065g00000FFFF3AAA|00Q5g00000DDDD3AAA|OPEN|2026-11-10 15:00:00",
                "0065g00000FFFF4AAA|SF-OPP-0065g00000FFFF4AAA|WON|2026-11-16 09:45:00");
        assertThat(rows("SELECT id, campaign_id FROM lead WHERE campaign_id IS NOT NULL ORDER BY id")).containsExactly(
                "00Q5g00000DDDD1AAA|7015g00000CCCC1AAA", "00Q5g00000DDDD3AAA|7015g00000CCCC2AAA");
        assertThat(rows("SELECT stage, occurred_at FROM funnel_event WHERE lead_id = '00Q5g00000DDDD1AAA'"
                + " ORDER BY occurred_at")).containsExactly("SQL|2026-10-14 11:00:00", "FIRST_MEETING|2026-10-21 15:00:00",
                "SECOND_MEETING|2026-10-30 11:00:00", "OFFER|2026-11-05 16:30:00", "CONTRACT_SENT|2026-11-12 10:00:00",
                "WON|2026-11-19 17:45:00");
        // a task on the contact a lead was converted to belongs to that lead; an open task is no activity yet
        assertThat(rows("SELECT id, lead_id, duration_minutes, outcome FROM activity WHERE id LIKE '00T%' ORDER BY id"))
                .contains("00T5g00000GGGG5AAA|00Q5g00000DDDD1AAA|15|REACTION")
                .noneMatch(row -> row.startsWith("00T5g00000GGGG7AAA"));
    }

    static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return to;
    }

    private Path copy(Path from) throws IOException {
        return copy(from, temp.resolve("export"));
    }

    private long count(String table) {
        return tables.count().get(table);
    }

    private List<String> rows(String sql) {
        return jdbc.query(sql, (rs, n) -> {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                String value = rs.getString(i);
                row.append(i > 1 ? "|" : "").append(value == null ? "NULL" : value);
            }
            return row.toString();
        });
    }

    static void writeUtf16(Path file, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        Files.write(file, bytes);
    }
}

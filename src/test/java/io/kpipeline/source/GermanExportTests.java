package io.kpipeline.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.ingest.ImportListener;
import io.kpipeline.model.TableCounts;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Exports with German labels, as German Excel or the systems' German interfaces write them: Windows-1252 with
 * {@code ;} and decimal commas, a UTF-16 text file, an XLSX workbook with date cells, {@code dd.MM.yyyy} dates,
 * a stage the company renamed and German picklist values that the profile maps once they are added.
 */
@SpringBootTest
class GermanExportTests {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Autowired
    ProfileImporter importer;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path temp;

    @BeforeEach
    void empty(@Autowired TableCounts tables) {
        tables.deleteAll();
    }

    @Test
    void hubspotInGermanFromUtf16AndWindows1252TextAndAWorkbookWithARenamedStage() throws IOException {
        Path export = Files.createDirectories(temp.resolve("hubspot"));
        Files.write(export.resolve("hubspot-crm-exports-alle-unternehmen-2026-12-01.csv"), """
                Datensatz-ID;Firmenname;Erstelldatum;Branche;Land/Region;Unternehmensinhaber\r
                8001;Becker Lagertechnik GmbH;15.09.2026 10:00;Maschinenbau;Deutschland;Sabine Roth\r
                8002;Engel Software AG;20.09.2026 08:30;Software;Österreich;Tom Keller (Deaktivierter Benutzer)\r
                """.getBytes(WINDOWS_1252));
        ProfileImportTests.writeUtf16(export.resolve("hubspot-crm-exports-alle-kontakte-2026-12-01.csv"), """
                Datensatz-ID\tVorname\tNachname\tErstelldatum\tKontaktinhaber\tUrsprüngliche Quelle\tAssociated Company IDs (Primary)\r
                301\tPetra\tBecker\t01.10.2026 09:15\tSabine Roth\tBezahlte Suche\t8001\r
                302\tJan\tEngel\t15.10.2026 11:00\tTom Keller (Deaktivierter Benutzer)\tEmpfehlungen\t8002\r
                303\tUte\tLang\t30.10.2026 16:45\tSabine Roth\tOffline-Quellen\t\r
                """);
        Files.writeString(export.resolve("hubspot-aktivitaeten-2026-12-01.csv"), """
                \uFEFFAktivitäts-ID;Aktivitätstyp;Aktivitätsdatum;Zugewiesen an;Kontakt-ID;Anrufergebnis
                7101;Anruf;02.10.2026 10:00;Sabine Roth;301;Verbunden
                7102;E-Mail an Kontakt gesendet;16.10.2026 09:00;Tom Keller (Deaktivierter Benutzer);302;
                7103;Anruf;31.10.2026 08:30;Sabine Roth;303;Keine Antwort
                """, StandardCharsets.UTF_8);
        writeDeals(export.resolve("hubspot-crm-exports-alle-deals-2026-12-01.xlsx"));

        ProfileReport check = importer.run("hubspot", export, null, true, ImportListener.none());
        assertThat(check.lines()).anySatisfy(line -> assertThat(line).startsWith("  \"Vertrag verschickt\" (1 row, deal)"
                + " → add under value-maps.deal-stage.labels").endsWith("first in"
                + " hubspot-crm-exports-alle-deals-2026-12-01.xlsx, line 3, column \"Dealphase\""));
        // German exports have their own lifecycle date headers: the check says that none matched
        assertThat(check.lines()).anySatisfy(line -> assertThat(line).startsWith("Note: funnel_event: no header of"
                + " hubspot-crm-exports-alle-kontakte-2026-12-01.csv matches tables.funnel_event.sources[1].unpivot.headers"));

        Path profile = profileWith("hubspot", "  deal-stage:\n    labels:\n", "      Vertrag verschickt: CONTRACT_SENT\n");
        ProfileReport report = importer.run(profile.toString(), export, null, false, ImportListener.none());
        assertThat(report.allLoaded()).as(String.join("\n", report.lines())).isTrue();

        assertThat(rows("SELECT id, name, active FROM sales_rep ORDER BY id")).containsExactly(
                "Sabine Roth|Sabine Roth|1", "Tom Keller|Tom Keller|0");
        assertThat(rows("SELECT id, name, country FROM account ORDER BY id")).containsExactly(
                "8001|Becker Lagertechnik GmbH|DE", "8002|Engel Software AG|AT",
                "HS-DEAL-6003|Deal ohne Unternehmen: Lang – Schulung|NULL");
        assertThat(rows("SELECT id, account_id, channel_code, created_at FROM lead ORDER BY id")).containsExactly(
                "301|8001|PAID_SEARCH|2026-10-01 09:15:00", "302|8002|REFERRAL|2026-10-15 11:00:00",
                "303|NULL|OFFLINE|2026-10-30 16:45:00");
        assertThat(rows("SELECT id, stage, status, amount, created_at, closed_at, expected_close_date FROM deal"
                + " ORDER BY id")).containsExactly(
                "6001|WON|WON|24000.50|2026-10-05 09:00:00|2026-11-10 00:00:00|NULL",
                "6002|CONTRACT_SENT|OPEN|15000.00|2026-10-20 10:00:00|NULL|2026-12-05",
                "6003|LOST|LOST|3000.00|2026-11-02 14:00:00|2026-11-20 00:00:00|NULL");
        assertThat(rows("SELECT lead_id, stage, occurred_at FROM funnel_event ORDER BY lead_id")).containsExactly(
                "301|WON|2026-11-10 00:00:00", "303|LOST|2026-11-20 00:00:00");
        assertThat(rows("SELECT id, type, outcome FROM activity ORDER BY id")).containsExactly("7101|CALL|REACTION",
                "7102|EMAIL|NULL", "7103|CALL|NO_REACTION");
    }

    @Test
    void pipedriveInGermanWithSemicolonsDecimalCommasAndGermanDates() throws IOException {
        Path export = Files.createDirectories(temp.resolve("pipedrive"));
        Files.write(export.resolve("organisationen-2026-12-01.csv"), """
                Organisation - ID;Organisation - Name;Organisation - Inhaber;Organisation - Organisation erstellt
                41;Schäfer Druck GmbH;Jörg Brandt;01.09.2026 09:00
                """.getBytes(WINDOWS_1252));
        Files.write(export.resolve("personen-2026-12-01.csv"), """
                Person - ID;Person - Name;Person - Organisation;Person - Inhaber;Person - Person erstellt
                301;Sven Schäfer;Schäfer Druck GmbH;Jörg Brandt;02.10.2026 10:00
                302;Iris Groß;;Jörg Brandt;05.10.2026 11:30
                """.getBytes(WINDOWS_1252));
        Files.write(export.resolve("deals-2026-12-01.csv"), """
                Deal - ID;Deal - Titel;Deal - Wert;Deal - Organisation;Deal - Kontaktperson;Deal - Inhaber;Deal - Pipeline;Deal - Phase;Deal - Status;Deal - Deal erstellt;Deal - Erwartetes Abschlussdatum;Deal - Zeitpunkt gewonnen;Deal - Zeitpunkt verloren
                901;Schäfer – Druckportal;36.000,00;Schäfer Druck GmbH;Sven Schäfer;Jörg Brandt;Pipeline;Angebot gemacht;Gewonnen;06.10.2026 09:00;15.11.2026;12.11.2026 14:30;
                902;Groß – Beratung;1.250,50;;Iris Groß;Jörg Brandt;Pipeline;Verhandlungen begonnen;Verloren;08.10.2026 10:00;30.11.2026;;20.11.2026 16:00
                903;Schäfer – Wartung;8.400;Schäfer Druck GmbH;Sven Schäfer;Jörg Brandt;Pipeline;Qualifiziert;Offen;20.11.2026 10:00;31.01.2027;;
                """.getBytes(WINDOWS_1252));
        Files.write(export.resolve("aktivitaeten-2026-12-01.csv"), """
                Aktivität - ID;Aktivität - Typ;Aktivität - Zugewiesen an Benutzer;Aktivität - Fälligkeitsdatum;Aktivität - Dauer;Aktivität - Als erledigt markiert am;Aktivität - Kontaktperson;Aktivität - Organisation
                5001;Anruf;Jörg Brandt;03.10.2026;00:30;03.10.2026 10:30;Sven Schäfer;Schäfer Druck GmbH
                5002;Aufgabe;Jörg Brandt;04.10.2026;;04.10.2026 12:00;Iris Groß;
                """.getBytes(WINDOWS_1252));

        ProfileReport report = importer.run("pipedrive", export, null, false, ImportListener.none());
        assertThat(report.allLoaded()).as(String.join("\n", report.lines())).isTrue();

        assertThat(rows("SELECT id, account_id FROM lead ORDER BY id")).containsExactly("301|41", "302|NULL");
        // the lost deal keeps its open stage in Pipedrive: LOST by its status
        assertThat(rows("SELECT id, account_id, stage, status, amount, closed_at, expected_close_date FROM deal"
                + " ORDER BY id")).containsExactly(
                "901|41|WON|WON|36000.00|2026-11-12 14:30:00|NULL",
                "902|PD-DEAL-902|LOST|LOST|1250.50|2026-11-20 16:00:00|NULL",
                "903|41|SQL|OPEN|8400.00|NULL|2027-01-31");
        assertThat(rows("SELECT id, type, duration_minutes FROM activity")).containsExactly("5001|CALL|30");
    }

    @Test
    void salesforceWithGermanPicklistValuesIsCheckedThenMappedByTheCompany() throws IOException {
        Path export = ProfileImportTests.copy(ProfileImportTests.EXAMPLES.resolve("salesforce"), temp.resolve("sf"));
        for (String file : List.of("Opportunity.csv", "OpportunityHistory.csv")) {
            Path path = export.resolve(file);
            Files.writeString(path, Files.readString(path).replace("\"Closed Won\"", "\"Gewonnen\"")
                    .replace("\"Closed Lost\"", "\"Verloren\"").replace("\"Needs Analysis\"", "\"Bedarfsanalyse\""));
        }
        ProfileReport check = importer.run("salesforce", export, null, true, ImportListener.none());
        assertThat(check.unmapped()).extracting(u -> u.value().value() + " " + u.value().table() + " "
                + u.value().count()).containsExactlyInAnyOrder("Bedarfsanalyse funnel_event 3", "Gewonnen funnel_event 4",
                "Verloren funnel_event 2", "Gewonnen deal 2", "Verloren deal 1");
        assertThat(rows("SELECT COUNT(*) FROM deal")).containsExactly("0");

        Path profile = profileWith("salesforce", "  opportunity-stage:\n    labels:\n",
                "      Bedarfsanalyse: FIRST_MEETING\n      Gewonnen: WON\n      Verloren: LOST\n");
        ProfileReport report = importer.run(profile.toString(), export, null, false, ImportListener.none());
        assertThat(report.allLoaded()).as(String.join("\n", report.lines())).isTrue();
        assertThat(rows("SELECT id, stage, status FROM deal ORDER BY id")).containsExactly(
                "0065g00000FFFF1AAA|WON|WON", "0065g00000FFFF2AAA|LOST|LOST", "0065g00000FFFF3AAA|OFFER|OPEN",
                "0065g00000FFFF4AAA|WON|WON");
    }

    /** A copy of a shipped profile with lines added after {@code after}, as a company completes its maps. */
    private Path profileWith(String name, String after, String lines) throws IOException {
        String text = Files.readString(SourceProfiles.DIRECTORY.resolve(name + ".yml"));
        assertThat(text).contains(after);
        Path file = temp.resolve(name + "-firma.yml");
        Files.writeString(file, text.replace(after, after + lines));
        return file;
    }

    /** The deals as HubSpot's XLSX export: German labels, real date and number cells. */
    private static void writeDeals(Path file) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Deals");
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat("dd.mm.yyyy hh:mm"));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd.mm.yyyy"));
            Object[][] rows = {
                {"Datensatz-ID", "Dealname", "Pipeline", "Dealphase", "Betrag", "Erstelldatum", "Abschlussdatum",
                    "Dealinhaber", "Associated Contact IDs", "Associated Company IDs (Primary)"},
                {"6001", "Becker – Lagerverwaltung", "Vertriebspipeline", "Abgeschlossen und gewonnen", 24000.5,
                    LocalDateTime.of(2026, 10, 5, 9, 0), LocalDateTime.of(2026, 11, 10, 0, 0), "Sabine Roth", "301", "8001"},
                {"6002", "Engel – Portal", "Vertriebspipeline", "Vertrag verschickt", 15000.0,
                    LocalDateTime.of(2026, 10, 20, 10, 0), LocalDateTime.of(2026, 12, 5, 0, 0),
                    "Tom Keller (Deaktivierter Benutzer)", "302", "8002"},
                {"6003", "Lang – Schulung", "Vertriebspipeline", "Abgeschlossen und verloren", 3000.0,
                    LocalDateTime.of(2026, 11, 2, 14, 0), LocalDateTime.of(2026, 11, 20, 0, 0), "Sabine Roth", "303", null}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object value = rows[r][c];
                    if (value instanceof String text) {
                        row.createCell(c).setCellValue(text);
                    } else if (value instanceof Double number) {
                        row.createCell(c).setCellValue(number);
                    } else if (value instanceof LocalDateTime time) {
                        var cell = row.createCell(c);
                        cell.setCellValue(time);
                        cell.setCellStyle(c == 6 ? date : dateTime);
                    }
                }
            }
            workbook.write(out);
        }
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
}

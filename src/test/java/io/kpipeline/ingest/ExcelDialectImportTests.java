package io.kpipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.model.TableCounts;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Canonical tables as German Excel saves them ({@code ;}, decimal comma, {@code dd.MM.yyyy}, Windows-1252 or
 * UTF-16) import with the excel-de dialect, while the default import stays strict.
 */
@SpringBootTest
class ExcelDialectImportTests {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Autowired
    CsvImporter importer;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @BeforeEach
    void empty(@Autowired TableCounts tables) {
        tables.deleteAll();
    }

    @Test
    void aGermanExcelFileInWindows1252WithDecimalCommasAndGermanDatesImports() throws IOException {
        Files.write(dir.resolve("channel.csv"), """
                code;name;category\r
                TRADE_FAIR;Messe Düsseldorf;OFFLINE\r
                """.getBytes(WINDOWS_1252));
        Files.write(dir.resolve("campaign.csv"), """
                id;name;channel_code;start_date;end_date;budget\r
                C1;Frühjahrsmesse;TRADE_FAIR;01.03.2026;31.03.2026;12.345,67\r
                C2;Herbst;TRADE_FAIR;2026-09-01;;500\r
                """.getBytes(WINDOWS_1252));
        Files.write(dir.resolve("account.csv"), """
                id;name;industry;segment;country;created_at\r
                A1;Müller GmbH;Maschinenbau;SMB;DE;05.01.2026 09:30\r
                A2;Weiß AG;;MID;AT;2026-01-06 10:00:00\r
                """.getBytes(WINDOWS_1252));

        ImportReport strict = importer.importDirectory(dir);
        assertThat(strict.allLoaded()).isFalse();
        assertThat(strict.summaryLines().get(0)).contains("--dialect excel-de");

        ImportReport report = importer.importDirectory(dir, Dialect.EXCEL_DE, ImportListener.none());
        assertThat(report.allLoaded()).as(report.summaryLines().toString()).isTrue();
        assertThat(jdbc.queryForList("SELECT CONCAT(name, '|', start_date, '|', budget) FROM campaign ORDER BY id",
                String.class)).containsExactly("Frühjahrsmesse|2026-03-01|12345.67", "Herbst|2026-09-01|500.00");
        assertThat(jdbc.queryForList("SELECT CONCAT(name, '|', created_at) FROM account ORDER BY id", String.class))
                .containsExactly("Müller GmbH|2026-01-05 09:30:00", "Weiß AG|2026-01-06 10:00:00");
    }

    @Test
    void aUtf16FileWithByteOrderMarkImports() throws IOException {
        byte[] text = "code;name;category\r\nEVENT;Veranstaltung;OFFLINE\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withMark = new byte[text.length + 2];
        withMark[0] = (byte) 0xFF;
        withMark[1] = (byte) 0xFE;
        System.arraycopy(text, 0, withMark, 2, text.length);
        Files.write(dir.resolve("channel.csv"), withMark);
        ImportReport report = importer.importDirectory(dir, Dialect.EXCEL_DE, ImportListener.none());
        assertThat(report.allLoaded()).as(report.summaryLines().toString()).isTrue();
        assertThat(jdbc.queryForObject("SELECT name FROM channel WHERE code = 'EVENT'", String.class))
                .isEqualTo("Veranstaltung");
    }

    @Test
    void aDotWhereTheDialectHasADecimalCommaIsRefusedNotMisread() throws IOException {
        Files.writeString(dir.resolve("channel.csv"), "code;name;category\nEVENT;Event;OFFLINE\n");
        Files.writeString(dir.resolve("campaign.csv"), """
                id;name;channel_code;start_date;end_date;budget
                C1;Messe;EVENT;01.03.2026;;1234.56
                """);
        ImportReport report = importer.importDirectory(dir, Dialect.EXCEL_DE, ImportListener.none());
        assertThat(report.summaryLines()).contains("campaign.csv, line 2, column budget: \"1234.56\" is not an amount"
                + " like 1.234,56. Correct the value and import the file again.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM campaign", Long.class)).isZero();
    }

    @Test
    void aDayTheCalendarDoesNotHaveIsRefusedInTheGermanFormToo() throws IOException {
        Files.writeString(dir.resolve("channel.csv"), "code;name;category\nEVENT;Event;OFFLINE\n");
        Files.writeString(dir.resolve("campaign.csv"), """
                id;name;channel_code;start_date;end_date;budget
                C1;Messe;EVENT;30.02.2026;;
                """);
        List<String> lines = importer.importDirectory(dir, Dialect.EXCEL_DE, ImportListener.none()).summaryLines();
        assertThat(lines).contains("campaign.csv, line 2, column start_date: \"30.02.2026\" is not a date dd.MM.yyyy"
                + " or yyyy-MM-dd. Correct the value and import the file again.");
    }
}

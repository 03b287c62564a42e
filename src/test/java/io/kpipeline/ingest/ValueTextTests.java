package io.kpipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kpipeline.model.CanonicalModel;
import io.kpipeline.model.Column;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values of other dialects as the canonical text the import validates. */
class ValueTextTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Column CREATED_AT = column("lead", "created_at");
    private static final Column START_DATE = column("campaign", "start_date");
    private static final Column BUDGET = column("campaign", "budget");
    private static final Column DURATION = column("activity", "duration_minutes");
    private static final Column ACTIVE = column("sales_rep", "active");

    private final ValueText german = ValueText.of(Dialect.EXCEL_DE.withDelimiter(';'), BERLIN);
    private final ValueText utc = ValueText.of(new Dialect("utc", Dialect.Encoding.AUTO, ',', Dialect.Decimal.DOT,
            ZoneId.of("UTC"), List.of("M/d/yyyy H:mm", "M/d/yyyy")), BERLIN);

    @Test
    void timestampsWithZOrAnOffsetAreConvertedToBusinessTimeAcrossTheChangeOfTheClocks() throws Exception {
        assertThat(german.canonical(CREATED_AT, "2026-03-29T00:30:00.000Z")).isEqualTo("2026-03-29 01:30:00");
        assertThat(german.canonical(CREATED_AT, "2026-03-29T01:30:00Z")).isEqualTo("2026-03-29 03:30:00");
        assertThat(german.canonical(CREATED_AT, "2026-10-25T00:59:59+00:00")).isEqualTo("2026-10-25 02:59:59");
        assertThat(german.canonical(CREATED_AT, "2026-10-25T01:00:00+0000")).isEqualTo("2026-10-25 02:00:00");
    }

    @Test
    void timestampsWithoutOffsetAreReadInTheSourceZone() throws Exception {
        assertThat(utc.canonical(CREATED_AT, "2026-07-01 10:00")).isEqualTo("2026-07-01 12:00:00");
        assertThat(utc.canonical(CREATED_AT, "7/1/2026 10:00")).isEqualTo("2026-07-01 12:00:00");
        assertThat(german.canonical(CREATED_AT, "01.07.2026 10:00")).isEqualTo("2026-07-01 10:00:00");
        assertThat(german.canonical(CREATED_AT, "1.7.2026 10:00:30")).isEqualTo("2026-07-01 10:00:30");
        // a date alone is midnight of that day, not converted: a date has no zone
        assertThat(utc.canonical(CREATED_AT, "2026-07-01")).isEqualTo("2026-07-01 00:00:00");
    }

    @Test
    void datesInGermanOrIsoFormAndTimestampsWhereADateIsExpected() throws Exception {
        assertThat(german.canonical(START_DATE, "31.12.2026")).isEqualTo("2026-12-31");
        assertThat(german.canonical(START_DATE, "2026-12-31")).isEqualTo("2026-12-31");
        assertThat(utc.canonical(START_DATE, "2026-12-31T23:30:00.000Z")).isEqualTo("2027-01-01");
        assertThatThrownBy(() -> german.canonical(START_DATE, "31.02.2026")).isInstanceOf(InvalidValueException.class)
                .hasMessage("is not a date dd.MM.yyyy or yyyy-MM-dd");
    }

    @Test
    void numbersWithTheDialectsDecimalSeparatorAndThousandsInGroupsOfThree() throws Exception {
        assertThat(german.canonical(BUDGET, "1.234,56")).isEqualTo("1234.56");
        assertThat(german.canonical(BUDGET, "1234,5 €")).isEqualTo("1234.5");
        assertThat(german.canonical(DURATION, "1.200")).isEqualTo("1200");
        assertThat(utc.canonical(BUDGET, "1,234.56")).isEqualTo("1234.56");
        assertThatThrownBy(() -> german.canonical(BUDGET, "1234.56")).hasMessage("is not an amount like 1.234,56");
        assertThatThrownBy(() -> german.canonical(BUDGET, "12.34,5")).hasMessage("is not an amount like 1.234,56");
    }

    @Test
    void germanAndEnglishYesAndNo() throws Exception {
        assertThat(german.canonical(ACTIVE, "Ja")).isEqualTo("true");
        assertThat(utc.canonical(ACTIVE, "no")).isEqualTo("false");
    }

    @Test
    void theCanonicalDialectLeavesEveryValueAsItIs() throws Exception {
        ValueText canonical = ValueText.of(Dialect.CANONICAL, BERLIN);
        assertThat(canonical.canonical(CREATED_AT, "31.12.2026 10:00")).isEqualTo("31.12.2026 10:00");
        assertThat(canonical.canonical(BUDGET, " 1,5 ")).isEqualTo(" 1,5 ");
    }

    private static Column column(String table, String column) {
        return CanonicalModel.table(table).orElseThrow().column(column).orElseThrow();
    }
}

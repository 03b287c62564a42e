package io.kpipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kpipeline.model.CanonicalModel;
import io.kpipeline.model.Column;
import io.kpipeline.model.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ValueParserTests {

    private static Object parse(String table, String column, String raw) throws InvalidValueException {
        Table t = CanonicalModel.table(table).orElseThrow();
        Column c = t.column(column).orElseThrow();
        return ValueParser.parse(c, raw);
    }

    private static String reason(String table, String column, String raw) {
        try {
            parse(table, column, raw);
        } catch (InvalidValueException e) {
            return e.reason();
        }
        throw new AssertionError(table + "." + column + " accepted " + raw);
    }

    @Test
    void idsAndTextsGuardedAgainstSpreadsheetFormulasAreReadWithoutTheGuard() throws Exception {
        assertThat(parse("sales_rep", "id", "'=HYPERLINK(\"http://x/\")")).isEqualTo("=HYPERLINK(\"http://x/\")");
        assertThat(parse("sales_rep", "id", "=HYPERLINK(\"http://x/\")")).isEqualTo("=HYPERLINK(\"http://x/\")");
        assertThat(parse("campaign", "id", "'-1+1")).isEqualTo("-1+1");
        assertThat(parse("channel", "name", "'@E-Mail")).isEqualTo("@E-Mail");
        assertThat(parse("feedback", "comment", "''=quoted")).isEqualTo("'=quoted");
        assertThat(parse("account", "name", "'s-Hertogenbosch BV")).isEqualTo("'s-Hertogenbosch BV");
        assertThat(parse("social_daily", "followers", "-12")).isEqualTo(-12);
    }

    @Test
    void timestampsAcceptBothSeparatorsAndStayLocal() throws Exception {
        assertThat(parse("lead", "created_at", "2026-03-29T02:30:00")).isEqualTo(LocalDateTime.of(2026, 3, 29, 2, 30));
        assertThat(parse("lead", "created_at", " 2026-03-29 02:30:00 ")).isEqualTo(LocalDateTime.of(2026, 3, 29, 2, 30));
    }

    @Test
    void timestampsFollowTheCalendarStrictly() {
        assertThat(reason("lead", "created_at", "2026-02-30 10:00:00")).isEqualTo("is not a timestamp yyyy-MM-dd HH:mm:ss");
        assertThat(reason("lead", "created_at", "2026-13-01 10:00:00")).isEqualTo("is not a timestamp yyyy-MM-dd HH:mm:ss");
        assertThat(reason("lead", "created_at", "2026-01-01 24:00:00")).isEqualTo("is not a timestamp yyyy-MM-dd HH:mm:ss");
        assertThat(reason("lead", "created_at", "2026-01-01")).isEqualTo("is not a timestamp yyyy-MM-dd HH:mm:ss");
        assertThat(reason("lead", "created_at", "01.02.2026 10:00:00")).isEqualTo("is not a timestamp yyyy-MM-dd HH:mm:ss");
        assertThat(reason("lead", "created_at", "0999-01-01 10:00:00")).isEqualTo("is not a timestamp yyyy-MM-dd HH:mm:ss");
    }

    @Test
    void datesAndMonths() throws Exception {
        assertThat(parse("campaign", "start_date", "2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(reason("campaign", "start_date", "2026-02-29")).isEqualTo("is not a date yyyy-MM-dd");
        assertThat(reason("campaign", "start_date", "2026-1-5")).isEqualTo("is not a date yyyy-MM-dd");
        assertThat(parse("cost_entry", "month", "2026-04-01")).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(reason("cost_entry", "month", "2026-04-15")).isEqualTo("is not the first day of a month, yyyy-MM-01");
    }

    @Test
    void moneyIsANonNegativeDecimalWithADotAndAtMostTwoPlaces() throws Exception {
        assertThat(parse("deal", "amount", "1234.5")).isEqualTo(new BigDecimal("1234.5"));
        assertThat(parse("deal", "amount", "999999999999.99")).isEqualTo(new BigDecimal("999999999999.99"));
        assertThat(parse("deal", "amount", "0")).isEqualTo(new BigDecimal("0"));
        assertThat(reason("deal", "amount", "-250.00")).isEqualTo("is negative; amounts must be 0 or more");
        assertThat(reason("deal", "amount", "12.345")).isEqualTo("has more than 2 decimal places");
        assertThat(reason("deal", "amount", "1000000000000")).isEqualTo(
                "is too large; amounts have at most 12 digits before the dot");
        assertThat(reason("deal", "amount", "1.234,50")).isEqualTo(
                "is not an amount like 1234.56 (a dot before the cents, no thousands separators)");
        assertThat(reason("deal", "amount", "12 EUR")).isEqualTo("is not an amount like 1234.56");
        assertThat(reason("deal", "amount", "1e3")).isEqualTo("is not an amount like 1234.56");
    }

    @Test
    void wholeNumbersByKind() throws Exception {
        assertThat(parse("web_traffic_daily", "sessions", "42")).isEqualTo(42);
        assertThat(parse("web_traffic_daily", "total_session_seconds", "3000000000")).isEqualTo(3_000_000_000L);
        assertThat(reason("web_traffic_daily", "sessions", "3000000000")).isEqualTo("is out of range (0 to 2,147,483,647)");
        assertThat(reason("web_traffic_daily", "sessions", "-1")).isEqualTo("is not a whole number ≥ 0");
        assertThat(reason("web_traffic_daily", "sessions", "1.0")).isEqualTo("is not a whole number ≥ 0");
        assertThat(parse("social_daily", "followers", "-12")).isEqualTo(-12);
        assertThat(reason("social_daily", "followers", "twelve")).isEqualTo("is not a whole number");
        assertThat(reason("social_daily", "followers", "99999999999999999999")).isEqualTo(
                "is out of range (-2,147,483,648 to 2,147,483,647)");
        assertThat(parse("feedback", "score", "10")).isEqualTo(10);
        assertThat(reason("feedback", "score", "11")).isEqualTo("is not a whole number from 0 to 10");
        assertThat(reason("feedback", "score", "-1")).isEqualTo("is not a whole number from 0 to 10");
    }

    @Test
    void booleansCodesAndCountries() throws Exception {
        assertThat(parse("sales_rep", "active", "TRUE")).isEqualTo(true);
        assertThat(parse("sales_rep", "active", "0")).isEqualTo(false);
        assertThat(reason("sales_rep", "active", "yes")).isEqualTo("is not true, false, 1 or 0");
        assertThat(parse("deal", "status", "WON")).isEqualTo("WON");
        assertThat(reason("deal", "status", "won")).isEqualTo("is not one of OPEN, WON, LOST");
        assertThat(parse("channel", "code", "PAID_SEARCH")).isEqualTo("PAID_SEARCH");
        assertThat(reason("channel", "code", "Paid Search")).isEqualTo(
                "is not an upper-case code of A-Z, 0-9 and _ (at most 32 characters)");
        assertThat(parse("account", "country", "DE")).isEqualTo("DE");
        assertThat(reason("account", "country", "de")).isEqualTo("is not a two-letter country code like DE");
    }

    @Test
    void emptyIsNullOrMissingWhenRequired() throws Exception {
        assertThat(parse("account", "industry", "")).isNull();
        assertThat(parse("deal", "closed_at", "  ")).isNull();
        assertThatThrownBy(() -> parse("lead", "created_at", ""))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.reason()).isEqualTo("the value is missing; created_at is required");
                    assertThat(e.showsValue()).isFalse();
                });
    }

    @Test
    void textKeepsItsBlanksWithinItsLength() throws Exception {
        assertThat(parse("account", "name", " Müller GmbH ")).isEqualTo(" Müller GmbH ");
        assertThat(parse("account", "name", "ä".repeat(255))).isEqualTo("ä".repeat(255));
        assertThat(reason("account", "name", "x".repeat(256))).isEqualTo("is longer than 255 characters");
        assertThat(parse("web_traffic_daily", "landing_page", "/" + "p".repeat(511))).isNotNull();
        assertThat(reason("social_daily", "network", "n".repeat(65))).isEqualTo("is longer than 64 characters");
        assertThat(parse("feedback", "comment", "x".repeat(65_535))).isNotNull();
        assertThat(reason("feedback", "comment", "ü".repeat(40_000))).isEqualTo("is longer than 65,535 bytes");
        assertThat(reason("lead", "id", "L".repeat(65))).isEqualTo("is longer than 64 characters");
    }
}

package io.kpipeline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormulaGuardTests {

    @Test
    void textsASpreadsheetWouldEvaluateGetAQuoteInFront() {
        assertThat(FormulaGuard.neutralise("=HYPERLINK(\"http://evil.example/\",\"Details\")"))
                .isEqualTo("'=HYPERLINK(\"http://evil.example/\",\"Details\")");
        assertThat(FormulaGuard.neutralise("-1+1")).isEqualTo("'-1+1");
        assertThat(FormulaGuard.neutralise("+49 30 1234")).isEqualTo("'+49 30 1234");
        assertThat(FormulaGuard.neutralise("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
        assertThat(FormulaGuard.neutralise("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(FormulaGuard.neutralise("\r=1+1")).isEqualTo("'\r=1+1");
    }

    @Test
    void otherTextsAndNullStayAsTheyAre() {
        for (String text : List.of("", "REP-03", "Sophie Wagner", "'s-Hertogenbosch", "'", "a=b", " =1", "1-2")) {
            assertThat(FormulaGuard.neutralise(text)).as(text).isEqualTo(text);
        }
        assertThat(FormulaGuard.neutralise(null)).isNull();
    }

    @Test
    void restoringGivesBackEveryTextExactlyQuotesIncluded() {
        for (String text : List.of("=1+1", "'=1+1", "''=1+1", "-1+1", "'-5", "@x", "'s-Hertogenbosch", "'", "''",
                "plain", "", "\t", "'\r")) {
            assertThat(FormulaGuard.restore(FormulaGuard.neutralise(text))).as(text).isEqualTo(text);
        }
        assertThat(FormulaGuard.neutralise("'=1+1")).isEqualTo("''=1+1");
        assertThat(FormulaGuard.restore("'s-Hertogenbosch")).isEqualTo("'s-Hertogenbosch");
        assertThat(FormulaGuard.restore(null)).isNull();
    }
}

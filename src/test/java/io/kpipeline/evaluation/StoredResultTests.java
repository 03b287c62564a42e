package io.kpipeline.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which stored values the reports and mails give a status. */
class StoredResultTests {

    @Test
    void onlyAValueOnEnoughCasesIsJudged() {
        assertThat(result(new BigDecimal("0.25"), 40L, List.of()).isJudged()).isTrue();
        // no value: nothing to judge, though the evaluation recorded NEUTRAL
        assertThat(result(null, null, List.of()).isJudged()).isFalse();
        // a small sample shows its case count instead
        assertThat(result(new BigDecimal("0.25"), 4L, List.of("SMALL_SAMPLE")).isJudged()).isFalse();
    }

    private static StoredResult result(BigDecimal value, Long cases, List<String> flags) {
        return new StoredResult("win_rate", null, null, value, "rate", null, null, cases,
                value == null ? "no deals won or lost in the period" : null, null, null, List.of(), null, null, null,
                Status.NEUTRAL, null, null, flags, List.of());
    }
}

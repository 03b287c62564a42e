package io.kpipeline.review;

import static io.kpipeline.review.ReviewFixtures.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinearFitAndPearsonTests {

    @Test
    void theLeastSquaresLineOfFourPointsIsTheOneComputedByHand() {
        // x 1,2,3,4 / y 1,3,2,4: mean 2.5 and 2.5; Sxy = 2.25 - 0.25 - 0.25 + 2.25 = 4; Sxx = 5
        // slope 4/5 = 0.8, intercept 2.5 - 0.8 * 2.5 = 0.5; at x = 6: 0.5 + 4.8 = 5.3
        LinearFit fit = LinearFit.of(List.of(1.0, 2.0, 3.0, 4.0), List.of(1.0, 3.0, 2.0, 4.0));
        assertThat(fit.slope()).isCloseTo(0.8, within(1e-12));
        assertThat(fit.intercept()).isCloseTo(0.5, within(1e-12));
        assertThat(fit.at(6)).isCloseTo(5.3, within(1e-12));
    }

    @Test
    void aLineNeedsTwoPointsAtDifferentX() {
        assertThatThrownBy(() -> LinearFit.of(List.of(1.0), List.of(1.0))).hasMessageContaining("at least two");
        assertThatThrownBy(() -> LinearFit.of(List.of(2.0, 2.0), List.of(1.0, 3.0))).hasMessageContaining("different x");
    }

    @Test
    void pearsonOfASmallSeriesIsTheOneComputedByHand() {
        // Sxy = 4, Sxx = 5, Syy = 5 (see above): r = 4 / sqrt(5 * 5) = 0.8
        assertThat(Pearson.r(series("1", "2", "3", "4"), series("1", "3", "2", "4"), 4).getAsDouble())
                .isCloseTo(0.8, within(1e-12));
        // y falls by 2 for each 1 of x: r = -1
        assertThat(Pearson.r(series("1", "2", "3", "4"), series("8", "6", "4", "2"), 4).getAsDouble())
                .isCloseTo(-1.0, within(1e-12));
    }

    @Test
    void pearsonReadsOnlyTheWeeksWhereBothHaveAValue() {
        // week 2 drops out (a has none), week 5 too (b has none): the pairs of the first test remain, r = 0.8
        var a = series("1", null, "2", "3", "4", "9");
        var b = series("1", "5", "3", "2", "4", null);
        assertThat(Pearson.r(a, b, 4).getAsDouble()).isCloseTo(0.8, within(1e-12));
        assertThat(Pearson.r(a, b, 5)).as("only 4 common weeks").isEmpty();
    }

    @Test
    void aConstantSeriesHasNoCorrelation() {
        assertThat(Pearson.r(series("0.1", "0.1", "0.1", "0.1"), series("1", "2", "3", "4"), 4)).isEmpty();
    }
}

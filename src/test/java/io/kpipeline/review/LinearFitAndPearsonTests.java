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
    void rSquaredIsTheShareOfTheMovementTheLineExplains() {
        // the line above at x = 1..4: 1.3, 2.1, 2.9, 3.7; residuals -0.3, 0.9, -0.9, 0.3, squared 0.09 + 0.81 + 0.81
        // + 0.09 = 1.8; around the mean 2.5: 2.25 + 0.25 + 0.25 + 2.25 = 5; R² = 1 - 1.8 / 5 = 0.64 (= Sxy² / Sxx Syy)
        assertThat(LinearFit.of(List.of(1.0, 2.0, 3.0, 4.0), List.of(1.0, 3.0, 2.0, 4.0)).rSquared())
                .isCloseTo(0.64, within(1e-12));
        // on a straight line: nothing left over
        assertThat(LinearFit.of(List.of(7.0, 14.0, 21.0, 28.0), List.of(0.30, 0.32, 0.34, 0.36)).rSquared())
                .isCloseTo(1.0, within(1e-12));
        // 1, 3, 1, 3 at x = 1..4: Sxy = (-1.5)(-1) + (-0.5)(1) + (0.5)(-1) + (1.5)(1) = 2, Sxx = 5, slope 0.4, intercept
        // 2 - 1 = 1; fitted 1.4, 1.8, 2.2, 2.6; residuals -0.4, 1.2, -1.2, 0.4, squared 0.16 + 1.44 + 1.44 + 0.16 = 3.2;
        // around the mean 2: 4; R² = 1 - 3.2 / 4 = 0.2: a zigzag the line hardly explains
        LinearFit zigzag = LinearFit.of(List.of(1.0, 2.0, 3.0, 4.0), List.of(1.0, 3.0, 1.0, 3.0));
        assertThat(zigzag.slope()).isCloseTo(0.4, within(1e-12));
        assertThat(zigzag.rSquared()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void pointsThatDoNotMoveLieOnTheirFlatLine() {
        LinearFit flat = LinearFit.of(List.of(7.0, 14.0, 21.0), List.of(5.0, 5.0, 5.0));
        assertThat(flat.slope()).isZero();
        assertThat(flat.rSquared()).isEqualTo(1.0);
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

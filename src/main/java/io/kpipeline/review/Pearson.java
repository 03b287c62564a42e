package io.kpipeline.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Pearson's correlation coefficient of two KPIs' weekly values: near +1 or −1 when they move in
 * step, so that one of them tells little the other does not.
 */
public final class Pearson {

    private Pearson() {
    }

    /**
     * r over the weeks where both have a value; empty with fewer than {@code minimumPoints} such
     * weeks or when either series is constant there (r is undefined then).
     *
     * @param a, b the values week by week, same weeks in the same order; null where there is none
     */
    public static OptionalDouble r(List<BigDecimal> a, List<BigDecimal> b, int minimumPoints) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("two series of the same weeks, not " + a.size() + " and " + b.size());
        }
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != null && b.get(i) != null) {
                xs.add(a.get(i).doubleValue());
                ys.add(b.get(i).doubleValue());
            }
        }
        if (xs.size() < Math.max(2, minimumPoints)) {
            return OptionalDouble.empty();
        }
        double mx = LinearFit.mean(xs);
        double my = LinearFit.mean(ys);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < xs.size(); i++) {
            sxy += (xs.get(i) - mx) * (ys.get(i) - my);
            sxx += (xs.get(i) - mx) * (xs.get(i) - mx);
            syy += (ys.get(i) - my) * (ys.get(i) - my);
        }
        if (xs.stream().distinct().count() == 1 || ys.stream().distinct().count() == 1) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))));
    }
}

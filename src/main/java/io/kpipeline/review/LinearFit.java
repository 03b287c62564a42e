package io.kpipeline.review;

import java.util.List;

/**
 * The least-squares line {@code y = intercept + slope · x} through points: how a KPI's 30-day value
 * moved over the cycle's checkpoints, extended to its deadline.
 */
public record LinearFit(double slope, double intercept) {

    /** At least two points with different x; x and y of the same length. */
    public static LinearFit of(List<Double> xs, List<Double> ys) {
        if (xs.size() != ys.size() || xs.size() < 2) {
            throw new IllegalArgumentException("a line needs at least two points, x and y alike: " + xs + ", " + ys);
        }
        double mx = mean(xs);
        double my = mean(ys);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < xs.size(); i++) {
            sxy += (xs.get(i) - mx) * (ys.get(i) - my);
            sxx += (xs.get(i) - mx) * (xs.get(i) - mx);
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("a line needs points at different x: " + xs);
        }
        double slope = sxy / sxx;
        return new LinearFit(slope, my - slope * mx);
    }

    public double at(double x) {
        return intercept + slope * x;
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}

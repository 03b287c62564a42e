package io.kpipeline.review;

import java.util.List;

/**
 * The least-squares line {@code y = intercept + slope · x} through points: how a KPI's 30-day value
 * moved over the cycle's checkpoints, extended to its deadline.
 *
 * @param slope     the change of y per unit of x
 * @param intercept y at x = 0
 * @param rSquared  the coefficient of determination, 1 − Σ(y − ŷ)² / Σ(y − ȳ)²: the share of the points'
 *                  movement around their mean that the line explains, 0 to 1. Points that do not move at all
 *                  (every y the same) lie on the flat line through them: 1
 */
public record LinearFit(double slope, double intercept, double rSquared) {

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
        double intercept = my - slope * mx;
        double residual = 0;
        double total = 0;
        for (int i = 0; i < xs.size(); i++) {
            double fitted = intercept + slope * xs.get(i);
            residual += (ys.get(i) - fitted) * (ys.get(i) - fitted);
            total += (ys.get(i) - my) * (ys.get(i) - my);
        }
        double rSquared = total == 0 ? 1 : Math.max(0, Math.min(1, 1 - residual / total));
        return new LinearFit(slope, intercept, rSquared);
    }

    public double at(double x) {
        return intercept + slope * x;
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}

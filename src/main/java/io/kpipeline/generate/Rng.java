package io.kpipeline.generate;

import java.util.List;
import java.util.SplittableRandom;

/** Seeded randomness with the few distributions the generator needs; never reads a clock. */
final class Rng {

    private final SplittableRandom random;

    Rng(long seed) {
        this(new SplittableRandom(seed));
    }

    private Rng(SplittableRandom random) {
        this.random = random;
    }

    /** An independent stream; the same sequence of splits gives the same streams. */
    Rng split() {
        return new Rng(random.split());
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** A whole number in [lo, hi], both included. */
    int between(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    double uniform(double lo, double hi) {
        return lo + random.nextDouble() * (hi - lo);
    }

    double exponential(double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    /** A Poisson count; a rounded normal approximation above a mean of 30. */
    int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    /** Rounds up or down at random so that the expected value is {@code x}. */
    int round(double x) {
        int floor = (int) Math.floor(x);
        return chance(x - floor) ? floor + 1 : floor;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** An index drawn with the given (non-negative, not all zero) weights. */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("all weights are zero");
    }
}

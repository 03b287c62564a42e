package io.kpipeline.review;

/**
 * Where a KPI with a target stands after a review cycle. A projection to the deadline is made only where it
 * is defensible (see {@link TargetProgress}); without one the cycle's value decides whether the target is
 * reached, and the checkpoints' line only says whether the KPI is heading the right way.
 */
public enum Verdict {
    /** The cycle's value meets the target, and where there is a projection, it meets it too. */
    REACHED,
    /** The cycle's value misses the target; the projection to the deadline meets it. */
    ON_TRACK,
    /** The projection to the deadline misses the target (even if the cycle's value meets it now). */
    OFF_TRACK,
    /** The deadline was on or before the cycle's last day, and the cycle's value misses the target. */
    MISSED,
    /** No projection; the cycle's value misses the target, and the checkpoints move towards it. */
    DIRECTION_RIGHT,
    /** No projection; the cycle's value misses the target, and the checkpoints move away from it. */
    DIRECTION_WRONG,
    /**
     * Nothing to say: the cycle's value is a small sample or missing, the KPI has no better direction, or
     * the target is missed without a projection and without a direction (too few checkpoints, a flat line).
     * {@link TargetProgress#why()} says which.
     */
    NO_PROJECTION
}

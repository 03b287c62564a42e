package io.kpipeline.review;

/** Where a KPI with a target stands after a review cycle. */
public enum Verdict {
    /** The cycle's value meets the target and the projection does not fall below it by the deadline. */
    REACHED,
    /** The cycle's value misses the target, the projection to the deadline meets it. */
    ON_TRACK,
    /** The projection to the deadline misses the target (even if the cycle's value meets it now). */
    OFF_TRACK,
    /** Fewer than three checkpoints have a value, or the KPI has no better direction: no line to extend. */
    NO_PROJECTION
}

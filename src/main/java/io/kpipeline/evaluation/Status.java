package io.kpipeline.evaluation;

/** How a value stands against its target, or without one against its benchmark. */
public enum Status {
    /** The target (or benchmark) is met. */
    GOOD,
    /** Missed by at most the tolerance. */
    WARN,
    /** Missed by more than the tolerance. */
    BAD,
    /** Nothing to measure against, or no value. */
    NEUTRAL
}

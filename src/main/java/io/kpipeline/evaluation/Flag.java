package io.kpipeline.evaluation;

/** Remarks a value carries besides its status. */
public enum Flag {
    /** More than 3 standard deviations from the mean of the previous 8 periods. */
    ANOMALY,
    /** A rate whose denominator is below the small-sample setting: read with care. */
    SMALL_SAMPLE
}

package io.kpipeline.evaluation;

import io.kpipeline.kpi.KpiValue;
import java.math.BigDecimal;

/** The change of a value against an earlier one, as results and exports show it. */
final class Change {

    private Change() {
    }

    /** {@code now − then}; null when either is missing. */
    static BigDecimal difference(BigDecimal now, BigDecimal then) {
        return now == null || then == null ? null : now.subtract(then);
    }

    /** {@code (now − then) / |then|}; null when either is missing or {@code then} is 0. */
    static BigDecimal relative(BigDecimal now, BigDecimal then) {
        return now == null || then == null || then.signum() == 0 ? null
                : now.subtract(then).divide(then.abs(), KpiValue.PRECISION);
    }
}

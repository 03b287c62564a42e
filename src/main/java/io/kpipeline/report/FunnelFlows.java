package io.kpipeline.report;

import io.kpipeline.kpi.KpiCatalog;
import java.math.BigDecimal;

/**
 * The funnel's stage conversions are flows, not cohorts: entries into a stage in a period over entries into the
 * stage before it in the same period. Leads from earlier periods can lift one over 100 %, which reads as an error
 * unless it is explained where it stands; the reports mark such a value with {@link #MARK} and say why under the
 * table.
 */
public final class FunnelFlows {

    /** The mark beside a conversion over 100 %, which the note under its table explains. */
    public static final String MARK = "¹";

    private FunnelFlows() {
    }

    /** Whether {@code value} of {@code kpiId} is a stage conversion over 100 %. */
    public static boolean overHundred(String kpiId, BigDecimal value) {
        return value != null && value.compareTo(BigDecimal.ONE) > 0 && KpiCatalog.STAGE_CONVERSIONS.contains(kpiId);
    }

    /** {@code printed}, marked when the value is a stage conversion over 100 %. */
    public static String marked(String printed, String kpiId, BigDecimal value) {
        return marked(printed, overHundred(kpiId, value));
    }

    /** {@code printed}, marked when {@code overHundred}: a value already judged by {@link #overHundred}. */
    public static String marked(String printed, boolean overHundred) {
        return overHundred ? printed + MARK : printed;
    }
}

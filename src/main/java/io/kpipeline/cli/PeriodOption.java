package io.kpipeline.cli;

import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.system.KpiException;

/** A period given to a command's option, refused as a usage error that shows the forms it takes. */
final class PeriodOption {

    private PeriodOption() {
    }

    static ReportingPeriod parse(String option, String text) {
        try {
            return ReportingPeriod.parse(text);
        } catch (IllegalArgumentException e) {
            throw KpiException.configuration(option + " " + e.getMessage());
        }
    }
}

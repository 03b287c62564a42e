package io.kpipeline.report;

import io.kpipeline.period.PeriodKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The management report's settings for each period it covers ({@code kpi.reports.monthly.*},
 * {@code kpi.reports.quarterly.*} and {@code kpi.reports.yearly.*} in {@code config/application.yml}).
 * Bound beside {@link ReportSettings} and the recipients, which read the other keys of {@code kpi.reports}.
 *
 * @param monthly   the report of a month
 * @param quarterly the report of a quarter
 * @param yearly    the report of a year
 */
@Validated
@ConfigurationProperties("kpi.reports")
public record ManagementSettings(
        @Valid @NotNull @DefaultValue Report monthly,
        @Valid @NotNull @DefaultValue Report quarterly,
        @Valid @NotNull @DefaultValue Report yearly) {

    /**
     * @param file   the PDF's name in the run's output folder
     * @param movers how many of the largest movers against the previous period the summary names
     */
    public record Report(
            @NotBlank @Pattern(regexp = "[^/\\\\]+\\.pdf", message = "must be a file name ending in .pdf")
            @DefaultValue("management-report.pdf") String file,
            @Min(value = 1, message = "must be between 1 and 10") @Max(value = 10, message = "must be between 1 and 10")
            @DefaultValue("5") int movers) {
    }

    /** The settings of the report covering periods of {@code kind}: a month, quarter or year. */
    Report of(PeriodKind kind) {
        return switch (kind) {
            case MONTH -> monthly;
            case QUARTER -> quarterly;
            case YEAR -> yearly;
            default -> throw new IllegalArgumentException("The management report covers a month, quarter or year, not "
                    + kind);
        };
    }
}

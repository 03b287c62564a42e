package io.kpipeline.report;

import io.kpipeline.review.KpiInventory.Redundancy;
import io.kpipeline.review.TargetProgress;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The 30-day review PDF ({@code kpi.reports.review.*} in {@code config/application.yml});
 * the review cycles themselves are {@code kpi.reports.review.cycle-start}.
 *
 * @param file                   the PDF's name in the run's output folder
 * @param correlationWeeks       how many ISO weeks up to the cycle's end the redundancy check reads
 * @param minimumWeeks           the weeks two KPIs both need a value in before their correlation counts, at
 *                               most correlationWeeks (checked by {@link ReviewReport} at start-up)
 * @param redundancy             |r| from which two KPIs count as redundant
 * @param projectionHorizonDays  how many days after the cycle's last day a target's deadline may lie for the
 *                               review to project the KPI to it
 * @param projectionMinRSquared  the R² from which the checkpoints' line explains their movement enough to be
 *                               extended to the deadline
 * @param directionMinRSquared   the R² from which the line's slope says where the KPI is heading; below it the
 *                               review says the direction is unclear
 */
@Validated
@ConfigurationProperties("kpi.reports.review")
public record ReviewReportSettings(
        @NotBlank @Pattern(regexp = "[^/\\\\]+\\.pdf", message = "must be a file name ending in .pdf")
        @DefaultValue("review-report.pdf") String file,
        @Min(4) @Max(53) @DefaultValue("13") int correlationWeeks,
        @Min(4) @Max(53) @DefaultValue("8") int minimumWeeks,
        @DecimalMin("0.5") @DecimalMax("1.0") @DefaultValue("0.95") double redundancy,
        @Min(value = 0, message = "must be between 0 and 365 days") @Max(value = 365, message = "must be between 0 and 365 days")
        @DefaultValue("60") int projectionHorizonDays,
        @DecimalMin(value = "0.0", message = "must be an R² between 0 and 1, e.g. 0.6")
        @DecimalMax(value = "1.0", message = "must be an R² between 0 and 1, e.g. 0.6")
        @DefaultValue("0.6") double projectionMinRSquared,
        @DecimalMin(value = "0.0", message = "must be an R² between 0 and 1, e.g. 0.3")
        @DecimalMax(value = "1.0", message = "must be an R² between 0 and 1, e.g. 0.3")
        @DefaultValue("0.3") double directionMinRSquared) {

    public Redundancy rules() {
        return new Redundancy(minimumWeeks, redundancy);
    }

    /** When the review projects a KPI to its deadline, with the small-sample size of {@code kpi.settings}. */
    public TargetProgress.Rules projection(int smallSample) {
        return new TargetProgress.Rules(projectionHorizonDays, projectionMinRSquared, directionMinRSquared,
                smallSample);
    }
}

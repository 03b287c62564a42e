package io.kpipeline.report;

import io.kpipeline.review.KpiInventory.Redundancy;
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
 * @param file              the PDF's name in the run's output folder
 * @param correlationWeeks  how many ISO weeks up to the cycle's end the redundancy check reads
 * @param minimumWeeks      the weeks two KPIs both need a value in before their correlation counts, at
 *                          most correlationWeeks (checked by {@link ReviewReport} at start-up)
 * @param redundancy        |r| from which two KPIs count as redundant
 */
@Validated
@ConfigurationProperties("kpi.reports.review")
public record ReviewReportSettings(
        @NotBlank @Pattern(regexp = "[^/\\\\]+\\.pdf", message = "must be a file name ending in .pdf")
        @DefaultValue("review-report.pdf") String file,
        @Min(4) @Max(53) @DefaultValue("13") int correlationWeeks,
        @Min(4) @Max(53) @DefaultValue("8") int minimumWeeks,
        @DecimalMin("0.5") @DecimalMax("1.0") @DefaultValue("0.95") double redundancy) {

    public Redundancy rules() {
        return new Redundancy(minimumWeeks, redundancy);
    }
}

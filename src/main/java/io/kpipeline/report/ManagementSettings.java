package io.kpipeline.report;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The monthly management report's settings ({@code kpi.reports.monthly.*} in {@code config/application.yml}).
 *
 * @param file   the PDF's name in the run's output folder
 * @param movers how many of the largest movers against the previous month the summary names
 */
@Validated
@ConfigurationProperties("kpi.reports.monthly")
public record ManagementSettings(
        @NotBlank @Pattern(regexp = "[^/\\\\]+\\.pdf", message = "must be a file name ending in .pdf")
        @DefaultValue("management-report.pdf") String file,
        @Min(value = 1, message = "must be between 1 and 10") @Max(value = 10, message = "must be between 1 and 10")
        @DefaultValue("5") int movers) {
}

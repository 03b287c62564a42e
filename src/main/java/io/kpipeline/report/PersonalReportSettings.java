package io.kpipeline.report;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The personal weekly reports per sales rep ({@code kpi.reports.personal.*} in
 * {@code config/application.yml}).
 *
 * @param enabled whether the weekly run renders them
 * @param folder  the folder inside the run's folder that holds them, one {@code <rep-id>_<name>.pdf} per rep
 */
@Validated
@ConfigurationProperties("kpi.reports.personal")
public record PersonalReportSettings(
        @NotNull @DefaultValue("true") Boolean enabled,
        @NotBlank @Pattern(regexp = "(?!\\.\\.?$)[A-Za-z0-9._-]+",
                message = "must be a plain folder name inside the run's folder (letters, digits, . _ -)")
        @DefaultValue("reps") String folder) {
}

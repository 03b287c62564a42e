package io.kpipeline.delivery;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who receives each report ({@code kpi.reports.<report>.recipients}): addresses and roles, each
 * optionally followed by a language, e.g. {@code anna@example.com (en)} or {@code role:management}.
 * Bound beside {@link io.kpipeline.report.ReportSettings}, which reads the other keys of {@code kpi.reports}.
 */
@Validated
@ConfigurationProperties("kpi.reports")
record RecipientSettings(@NotNull @DefaultValue Recipients weekly, @NotNull @DefaultValue Recipients monthly,
        @NotNull @DefaultValue Recipients quarterly, @NotNull @DefaultValue Recipients yearly,
        @NotNull @DefaultValue Recipients review) {

    record Recipients(@NotNull @DefaultValue List<String> recipients) {
    }

    List<String> of(String report) {
        return switch (report) {
            case "weekly" -> weekly.recipients();
            case "monthly" -> monthly.recipients();
            case "quarterly" -> quarterly.recipients();
            case "yearly" -> yearly.recipients();
            case "review" -> review.recipients();
            default -> List.of();
        };
    }
}

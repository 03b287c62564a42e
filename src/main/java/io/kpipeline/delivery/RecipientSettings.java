package io.kpipeline.delivery;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who receives each report ({@code kpi.reports.<report>.recipients}): addresses and roles, each
 * optionally followed by a language, e.g. {@code anna@example.com (en)} or {@code role:management};
 * {@code kpi.reports.<report>.mail: false} writes a report's files without mailing them.
 * Bound beside {@link io.kpipeline.report.ReportSettings}, which reads the other keys of {@code kpi.reports}.
 */
@Validated
@ConfigurationProperties("kpi.reports")
record RecipientSettings(@NotNull @DefaultValue Recipients weekly, @NotNull @DefaultValue Recipients monthly,
        @NotNull @DefaultValue Recipients quarterly, @NotNull @DefaultValue Recipients yearly,
        @NotNull @DefaultValue Recipients review) {

    /**
     * @param recipients the addresses and roles
     * @param mail       false: the report is not mailed at all, its files are written only
     */
    record Recipients(@NotNull @DefaultValue List<String> recipients, @DefaultValue("true") boolean mail) {
    }

    List<String> of(String report) {
        return recipients(report).recipients();
    }

    /** Whether the report is mailed at all ({@code kpi.reports.<report>.mail}). */
    boolean mailed(String report) {
        return recipients(report).mail();
    }

    private Recipients recipients(String report) {
        return switch (report) {
            case "weekly" -> weekly;
            case "monthly" -> monthly;
            case "quarterly" -> quarterly;
            case "yearly" -> yearly;
            case "review" -> review;
            default -> new Recipients(List.of(), true);
        };
    }
}

package io.kpipeline.delivery;

import io.kpipeline.period.ReportKind;
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

    List<String> of(ReportKind report) {
        return recipients(report).recipients();
    }

    /** Whether the report is mailed at all ({@code kpi.reports.<report>.mail}). */
    boolean mailed(ReportKind report) {
        return recipients(report).mail();
    }

    private Recipients recipients(ReportKind report) {
        return switch (report) {
            case WEEKLY -> weekly;
            case MONTHLY -> monthly;
            case QUARTERLY -> quarterly;
            case YEARLY -> yearly;
            case REVIEW -> review;
        };
    }
}

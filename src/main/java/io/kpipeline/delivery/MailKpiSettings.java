package io.kpipeline.delivery;

import io.kpipeline.period.ReportKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The KPIs each report's mail body leads with ({@code kpi.reports.<report>.mail-kpis}), ids of
 * {@code config/kpis.yml}. Empty: the report's own choice, the focus KPIs for the weekly report and the
 * KPIs off track for the review. Bound beside {@link io.kpipeline.report.ReportSettings}, which reads the
 * other keys of {@code kpi.reports}.
 */
@Validated
@ConfigurationProperties("kpi.reports")
record MailKpiSettings(@Valid @NotNull @DefaultValue MailKpis weekly, @Valid @NotNull @DefaultValue MailKpis monthly,
        @Valid @NotNull @DefaultValue MailKpis quarterly, @Valid @NotNull @DefaultValue MailKpis yearly,
        @Valid @NotNull @DefaultValue MailKpis review) {

    /** What a management report's mail leads with unless its mail-kpis say otherwise. */
    static final List<String> MANAGEMENT = List.of("revenue", "mrr", "tcv_won", "new_customers", "churn_rate");

    record MailKpis(@NotNull @Size(max = 10, message = "lists at most 10 KPIs: a mail is read on a phone")
            @DefaultValue List<@NotBlank String> mailKpis) {
    }

    MailKpis of(ReportKind report) {
        return switch (report) {
            case WEEKLY -> weekly;
            case MONTHLY -> monthly;
            case QUARTERLY -> quarterly;
            case YEARLY -> yearly;
            case REVIEW -> review;
        };
    }
}

package io.kpipeline.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.kpipeline.period.ReviewCycle;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the reports are rendered ({@code kpi.reports.*} in {@code config/application.yml}).
 *
 * @param locale the report language, and with it the format of numbers, dates and money: de or en
 * @param weekly the weekly report's settings
 * @param review the 30-day review's settings
 */
@Validated
@ConfigurationProperties("kpi.reports")
public record ReportSettings(
        @NotNull @Pattern(regexp = "de|en", message = "must be de or en, the languages the reports are written in")
        @DefaultValue("de") String locale,
        @Valid @NotNull @DefaultValue Weekly weekly,
        @Valid @NotNull @DefaultValue Review review) {

    public Locale reportLocale() {
        return Locale.forLanguageTag(locale);
    }

    /**
     * @param focus the KPIs at the top of the weekly report, at most 7: more dilute attention
     * @param file  the PDF's name in the run's output folder
     */
    public record Weekly(
            @NotNull @Size(max = 7, message = "lists at most 7 KPIs: more dilute attention")
            @DefaultValue({"leads_created", "conv_lead_mql", "sql_count", "win_rate", "tcv_won", "email_open_rate",
                    "lead_response_hours"}) List<@NotBlank String> focus,
            @NotBlank @Pattern(regexp = "[^/\\\\]+\\.pdf", message = "must be a file name ending in .pdf")
            @DefaultValue("weekly-report.pdf") String file) {
    }

    /**
     * @param cycleStart the first day of the first 30-day review cycle; each review covers one
     *                   cycle, and the next starts the day after
     */
    public record Review(@NotNull @DefaultValue("2026-01-05") LocalDate cycleStart) {

        public ReviewCycle cycle() {
            return new ReviewCycle(cycleStart);
        }
    }
}

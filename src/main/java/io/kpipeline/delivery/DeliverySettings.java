package io.kpipeline.delivery;

import io.kpipeline.period.ReportKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How reports are delivered by mail ({@code kpi.delivery.*} in {@code config/application.yml}).
 *
 * @param from      the sender address of every message
 * @param admin     who is told when a delivery fails or is held; empty for nobody
 * @param timeout   how long to wait for the SMTP server before an attempt counts as failed (see {@link MailTimeouts})
 * @param deadline  how long a report's delivery may take in all, retries and the admin notice included: a
 *                  server that answers just fast enough for {@code timeout} never to fire still cannot hold the
 *                  run (see {@link MailTransport})
 * @param retry     how often and how patiently a transient SMTP failure is retried
 * @param freshness per report, the {@code table.column} timestamps whose rows on the period's last days must look complete
 */
@Validated
@ConfigurationProperties("kpi.delivery")
record DeliverySettings(
        @NotBlank @DefaultValue("kpi-pipeline@example.com") String from,
        @DefaultValue("") String admin,
        @NotNull @DurationMin(millis = 1, message = "must be more than 0") @DefaultValue("30s") Duration timeout,
        @NotNull @DurationMin(millis = 1, message = "must be more than 0") @DefaultValue("10m") Duration deadline,
        @Valid @NotNull @DefaultValue Retry retry,
        @NotNull @DefaultValue Map<String, @Valid Freshness> freshness) {

    /**
     * @param maxAttempts attempts per message in all, the first included
     * @param delay       the wait before the first retry
     * @param multiplier  each further wait is this times the one before
     * @param maxDelay    no wait is longer than this
     */
    record Retry(
            @Min(value = 1, message = "must be at least 1") @DefaultValue("4") int maxAttempts,
            @NotNull @DurationMin(nanos = 0, message = "must be 0 or more") @DefaultValue("2s") Duration delay,
            @DecimalMin(value = "1.0", message = "must be at least 1.0") @DefaultValue("3.0") double multiplier,
            @NotNull @DurationMin(nanos = 0, message = "must be 0 or more") @DefaultValue("1m") Duration maxDelay) {
    }

    /**
     * What the freshness gate checks before a report is mailed (see {@link FreshnessGate}).
     *
     * @param tables         {@code table.column} entries, e.g. {@code lead.created_at}; none: no check
     * @param quietDays      the days before the period's last day that are checked with it, since some of them
     *                       may be without data (a weekend without activities)
     * @param referenceWeeks how many weeks before give the typical count of those days (their median)
     * @param minShare       the share of that median the period's last days must hold
     */
    record Freshness(@NotNull @DefaultValue List<String> tables,
            @Min(value = 0, message = "must be 0 to 6") @Max(value = 6, message = "must be 0 to 6")
            @DefaultValue("2") int quietDays,
            @Min(value = 1, message = "must be 1 to 13") @Max(value = 13, message = "must be 1 to 13")
            @DefaultValue("6") int referenceWeeks,
            @DecimalMin(value = "0.0", message = "must be 0 to 1") @DecimalMax(value = "1.0", message = "must be 0 to 1")
            @DefaultValue("0.2") double minShare) {
    }

    Freshness freshness(ReportKind report) {
        return freshness.getOrDefault(report.key(), new Freshness(List.of(), 2, 6, 0.2));
    }
}

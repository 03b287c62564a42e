package io.kpipeline.delivery;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
 * @param retry     how often and how patiently a transient SMTP failure is retried
 * @param freshness per report, the {@code table.column} timestamps that must reach the period's last day
 */
@Validated
@ConfigurationProperties("kpi.delivery")
record DeliverySettings(
        @NotBlank @DefaultValue("kpi-pipeline@localhost") String from,
        @DefaultValue("") String admin,
        @NotNull @DefaultValue("30s") Duration timeout,
        @Valid @NotNull @DefaultValue Retry retry,
        @NotNull @DefaultValue Map<String, Freshness> freshness) {

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
     * @param tables    {@code table.column} entries, e.g. {@code lead.created_at}
     * @param quietDays how many of the period's last days may be without data (a weekend without activities)
     */
    record Freshness(@NotNull @DefaultValue List<String> tables,
            @Min(value = 0, message = "must be 0 or more") @DefaultValue("2") int quietDays) {
    }

    Freshness freshness(String report) {
        return freshness.getOrDefault(report, new Freshness(List.of(), 0));
    }
}

package io.kpipeline.evaluation;

import io.kpipeline.evaluation.Targets.Basis;
import io.kpipeline.period.PeriodKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Published reference values from {@code config/benchmarks.yml}, each with its source and year. A
 * benchmark is set beside a value only when its period basis fits the period (a monthly churn
 * benchmark is never compared with a weekly churn).
 *
 * @param benchmarks the benchmarks; the first that fits a KPI and period applies
 */
@Validated
@ConfigurationProperties("kpi-benchmarks")
public record Benchmarks(@NotNull @DefaultValue List<@Valid Benchmark> benchmarks) {

    /**
     * @param kpi    the KPI id
     * @param value  the reference value, in the KPI's unit (rates as fractions)
     * @param basis  the period kind it is meant for
     * @param scope  what it was measured over
     * @param source who published it
     * @param year   when; null when undated
     * @param note   what to keep in mind when comparing
     */
    public record Benchmark(@NotBlank String kpi, @NotNull BigDecimal value, @NotNull @DefaultValue("ANY") Basis basis,
            String scope, @NotBlank String source, Integer year, String note) {

        /** "Mailchimp Email Marketing Benchmarks 2019", as reports print it. */
        public String citation() {
            return year == null ? source + " (undated)" : source + " " + year;
        }
    }

    public Optional<Benchmark> find(String kpiId, PeriodKind kind) {
        return benchmarks.stream().filter(b -> b.kpi().equals(kpiId) && b.basis().fits(kind)).findFirst();
    }
}

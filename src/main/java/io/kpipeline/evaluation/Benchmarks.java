package io.kpipeline.evaluation;

import io.kpipeline.evaluation.Targets.Basis;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Published reference values from {@code config/benchmarks.yml}, each with its source, scope and year;
 * a source may publish a general value and values per industry. {@link IndustryBenchmarks} picks those
 * that apply to the company.
 *
 * @param benchmarks the benchmarks, in the order of the file
 */
@Validated
@ConfigurationProperties("kpi-benchmarks")
public record Benchmarks(@NotNull @DefaultValue List<@Valid Benchmark> benchmarks) {

    public Benchmarks {
        benchmarks = List.copyOf(benchmarks);
    }

    /**
     * @param kpi      the KPI id
     * @param value    the reference value, in the KPI's unit (rates as fractions)
     * @param basis    the period kind it is meant for
     * @param industry the industry it describes, as the source spells it; null for the source's general value
     * @param scope    what it was measured over
     * @param source   who published it
     * @param year     when; null when undated
     * @param note     what to keep in mind when comparing
     */
    public record Benchmark(@NotBlank String kpi, @NotNull BigDecimal value, @NotNull @DefaultValue("ANY") Basis basis,
            String industry, String scope, @NotBlank String source, Integer year, String note) {

        /** "Mailchimp Email Marketing Benchmarks 2019", as reports print it. */
        public String citation() {
            return year == null ? source + " (undated)" : source + " " + year;
        }

        boolean isGeneral() {
            return industry == null || industry.isBlank();
        }
    }
}

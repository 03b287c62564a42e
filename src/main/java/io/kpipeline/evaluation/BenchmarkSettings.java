package io.kpipeline.evaluation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which benchmarks fit the company ({@code kpi.benchmarks.*} in {@code config/application.yml}).
 *
 * @param industry the company's industry as the sources of {@code config/benchmarks.yml} spell it (each
 *                 source has its own names, so several may be given); empty: every source's general value
 */
@Validated
@ConfigurationProperties("kpi.benchmarks")
public record BenchmarkSettings(@NotNull @DefaultValue List<@NotBlank String> industry) {

    public BenchmarkSettings {
        industry = List.copyOf(industry);
    }
}

package io.kpipeline.kpi;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settings the KPI definitions name ({@code kpi.settings.*} in {@code config/application.yml}).
 *
 * @param grossMargin              gross margin used by the customer lifetime value (0..1)
 * @param stageProbabilities       default win probability per open deal stage, used by the weighted
 *                                 pipeline when fewer than {@code minClosedForProbability} leads closed
 * @param minClosedForProbability  closed leads a stage needs for its observed win rate
 * @param smallSample              rates whose denominator is below this are flagged as small samples
 */
@Validated
@ConfigurationProperties("kpi.settings")
public record KpiSettings(
        @NotNull @DecimalMin("0") @DecimalMax("1") @DefaultValue("1.0") BigDecimal grossMargin,
        @NotNull Map<String, BigDecimal> stageProbabilities,
        @Min(1) @DefaultValue("20") int minClosedForProbability,
        @Min(1) @DefaultValue("30") int smallSample) {
}

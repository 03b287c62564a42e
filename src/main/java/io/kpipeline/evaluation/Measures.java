package io.kpipeline.evaluation;

import io.kpipeline.kpi.KpiDefinition.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The recommended measures ("Stellschrauben") from {@code config/measures.yml}: rules on a KPI's
 * evaluated total that, when every condition given holds, recommend a measure.
 *
 * @param measures the rules
 */
@Validated
@ConfigurationProperties("kpi-measures")
public record Measures(@NotNull @DefaultValue List<@Valid Measure> measures) {

    /**
     * @param id    a short stable id, printed in the results' actions column
     * @param kpi   the KPI whose total the rule looks at
     * @param when  the conditions; all given must hold
     * @param text  the recommendation in German and English
     */
    public record Measure(@NotBlank String id, @NotBlank String kpi, @Valid @NotNull When when,
            @Valid @NotNull Text text) {
    }

    /**
     * Conditions on a KPI's evaluated total; a condition left out does not count. A rule without any
     * condition never fires.
     *
     * @param status            the status is one of these
     * @param above             the value is above this
     * @param below             the value is below this
     * @param targetShareAbove  value / target is above this (e.g. 1.5: 50 % over the target)
     * @param targetShareBelow  value / target is below this (e.g. 0.5: less than half the target)
     * @param changeAbove       the relative change to the previous period is above this (0.2 = +20 %)
     * @param changeBelow       the relative change to the previous period is below this (−0.2 = −20 %)
     * @param anomaly           the value is (true) or is not (false) flagged as an anomaly
     */
    public record When(@DefaultValue List<Status> status, BigDecimal above, BigDecimal below,
            BigDecimal targetShareAbove, BigDecimal targetShareBelow, BigDecimal changeAbove,
            BigDecimal changeBelow, Boolean anomaly) {

        boolean isEmpty() {
            return status.isEmpty() && above == null && below == null && targetShareAbove == null
                    && targetShareBelow == null && changeAbove == null && changeBelow == null && anomaly == null;
        }
    }
}

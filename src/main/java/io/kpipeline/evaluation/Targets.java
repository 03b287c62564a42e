package io.kpipeline.evaluation;

import io.kpipeline.kpi.KpiDefinition.Dimension;
import io.kpipeline.period.PeriodKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * SMART targets from {@code config/targets.yml}: for a KPI (optionally one breakdown value) a
 * value to reach, its direction, an owner and a deadline, and the tolerance within which a miss
 * is a warning rather than bad.
 *
 * @param targets the targets; the first that fits a value applies
 */
@Validated
@ConfigurationProperties("kpi-targets")
public record Targets(@NotNull @DefaultValue List<@Valid Target> targets) {

    /**
     * @param kpi            the KPI id
     * @param dimension      with {@code dimensionValue}: the breakdown value the target is for; empty for the total
     * @param dimensionValue the breakdown value
     * @param value          the value to reach (rates as fractions: 0.05 for 5 %)
     * @param direction      AT_LEAST or AT_MOST; default from the KPI's better direction
     * @param basis          the period kind the value is meant for (a monthly churn target does not
     *                       apply to a week); ANY for values that do not depend on the period length
     * @param owner          who is accountable
     * @param deadline       by when it is to be reached
     * @param tolerance      a miss by at most this share of the target is WARN, more is BAD
     */
    public record Target(
            @NotBlank String kpi,
            Dimension dimension,
            String dimensionValue,
            @NotNull BigDecimal value,
            Direction direction,
            @NotNull @DefaultValue("ANY") Basis basis,
            @NotBlank String owner,
            @NotNull LocalDate deadline,
            @NotNull @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.10") BigDecimal tolerance) {

        boolean appliesTo(String kpiId, String dim, String dimValue, PeriodKind kind) {
            boolean sameBreakdown = dimension == null ? dim == null
                    : dimension.key().equals(dim) && dimensionValue != null && dimensionValue.equals(dimValue);
            return kpi.equals(kpiId) && sameBreakdown && basis.fits(kind);
        }
    }

    public enum Direction {
        AT_LEAST, AT_MOST
    }

    /** The period kind a target or benchmark value is meant for. */
    public enum Basis {
        ANY, WEEK, MONTH, QUARTER, YEAR, ROLLING_30_DAYS;

        boolean fits(PeriodKind kind) {
            return this == ANY || name().equals(kind.name());
        }
    }

    public Optional<Target> find(String kpiId, String dimension, String dimensionValue, PeriodKind kind) {
        return targets.stream().filter(t -> t.appliesTo(kpiId, dimension, dimensionValue, kind)).findFirst();
    }
}

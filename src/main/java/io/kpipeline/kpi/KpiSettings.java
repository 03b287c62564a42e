package io.kpipeline.kpi;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settings the KPI definitions name ({@code kpi.settings.*} in {@code config/application.yml},
 * kpi-vocabulary.md v2, last paragraph).
 *
 * @param grossMargin              the company's gross margin (0..1, exclusive of 0), by which the
 *                                 return KPIs turn revenue into gross profit; no default: without it
 *                                 {@code clv}, {@code ltv_cac_ratio}, {@code cac_payback_months},
 *                                 {@code romi} and {@code campaign_romi} have no value, and their reason
 *                                 says to set it
 * @param clvMaxMonths             the longest customer lifetime the customer lifetime value assumes
 * @param staleAfterDays           an open deal whose lead had neither a funnel event nor an activity for
 *                                 this many days before the period's end (and older than that) is stale
 * @param webLeadChannels          the channels whose leads come through the company's website
 * @param stageProbabilities       default win probability per open deal stage, used by the weighted
 *                                 pipeline when fewer than {@code minClosedForProbability} leads closed;
 *                                 without the setting {@link #DEFAULT_STAGE_PROBABILITIES}
 * @param minClosedForProbability  closed leads a stage needs for its observed win rate
 * @param smallSample              values resting on fewer cases than this are small samples: flagged,
 *                                 shown with their case count, without status and measures
 */
@Validated
@ConfigurationProperties("kpi.settings")
public record KpiSettings(
        @DecimalMin(value = "0", inclusive = false, message = "must be a share above 0 and at most 1, e.g. 0.75 for 75 %")
        @DecimalMax(value = "1", message = "must be a share above 0 and at most 1, e.g. 0.75 for 75 %")
        BigDecimal grossMargin,
        @Min(value = 1, message = "must be between 1 and 600 months") @Max(value = 600, message = "must be between 1 and 600 months")
        @DefaultValue("60") int clvMaxMonths,
        @Min(value = 1, message = "must be between 1 and 3650 days") @Max(value = 3650, message = "must be between 1 and 3650 days")
        @DefaultValue("60") int staleAfterDays,
        @NotEmpty(message = "must name at least one channel code, e.g. WEBSITE")
        @DefaultValue({"WEBSITE", "PAID_SEARCH"})
        List<@Pattern(regexp = "[A-Z0-9_]{1,32}", message = "must be a channel code in capitals, e.g. WEBSITE") String> webLeadChannels,
        Map<String, BigDecimal> stageProbabilities,
        @Min(1) @DefaultValue("20") int minClosedForProbability,
        @Min(1) @DefaultValue("30") int smallSample) {

    /** The reason a margin KPI gives when the gross margin is not set. */
    public static final String NO_GROSS_MARGIN = "the gross margin is not set: set kpi.settings.gross-margin"
            + " (e.g. 0.75 for 75 %) in config/application.yml";

    /**
     * The win probabilities of the open stages while too few deals have closed to observe them, when
     * {@code stage-probabilities} is not set.
     */
    public static final Map<String, BigDecimal> DEFAULT_STAGE_PROBABILITIES = Map.of("SQL", new BigDecimal("0.10"),
            "FIRST_MEETING", new BigDecimal("0.20"), "SECOND_MEETING", new BigDecimal("0.35"),
            "OFFER", new BigDecimal("0.50"), "CONTRACT_SENT", new BigDecimal("0.80"));

    public KpiSettings {
        webLeadChannels = List.copyOf(webLeadChannels);
        stageProbabilities = stageProbabilities == null || stageProbabilities.isEmpty() ? DEFAULT_STAGE_PROBABILITIES
                : Map.copyOf(stageProbabilities);
    }

    /** The gross margin, when it is set. */
    public Optional<BigDecimal> margin() {
        return Optional.ofNullable(grossMargin);
    }
}

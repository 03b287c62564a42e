package io.kpipeline.kpi;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One KPI of the catalog ({@code config/kpis.yml}): what it is called, how it is defined, how it
 * is read. Each KPI has two definitions: a plain one for the managing director, which the reports'
 * glossaries print, and the exact technical one for controllers, which names tables and columns and
 * which the {@code kpis} command prints.
 *
 * @param id         the id the vocabulary and the results use, e.g. {@code email_open_rate}
 * @param name       German and English name
 * @param definition German and English definition in plain business language, as printed in the
 *                   glossary: the formula in words, without table, column or code names
 * @param technical  German and English exact definition for controllers, naming the tables, columns
 *                   and codes it is computed from and what its case count counts
 * @param unit       what a value counts or measures
 * @param better     which direction is good
 * @param category   the group it is reported in
 * @param indicator  leading (moves before revenue) or lagging (an outcome)
 * @param breakdowns the dimensions it is broken down by
 * @param enabled    whether it is computed and reported
 * @param range      the values it can take; without one in the catalog, not below 0 and open above
 * @param plural     the languages ({@code de}, {@code en}) in which the name is a plural, so that the
 *                   reports' sentences agree with it: "Neukunden stiegen", "New customers are off track"
 */
public record KpiDefinition(
        @NotBlank @Pattern(regexp = "[a-z0-9_]+", message = "must be lower-case letters, digits and _") String id,
        @Valid @NotNull Text name,
        @Valid @NotNull Text definition,
        @Valid @NotNull Text technical,
        @NotNull Unit unit,
        @NotNull Better better,
        @NotNull Category category,
        @NotNull Indicator indicator,
        @NotNull @DefaultValue List<Dimension> breakdowns,
        @DefaultValue("true") boolean enabled,
        @Valid Range range,
        @NotNull @DefaultValue List<@Pattern(regexp = "de|en", message = "must be de or en") String> plural) {

    /** Counts, money, durations and most ratios: nothing below 0, no limit above. */
    public static final Range NOT_NEGATIVE = new Range(BigDecimal.ZERO, null);

    @ConstructorBinding
    public KpiDefinition {
        range = range == null ? NOT_NEGATIVE : range;
        plural = plural == null ? List.of() : List.copyOf(plural);
    }

    /** A KPI with the default range, {@link #NOT_NEGATIVE}, and a singular name. */
    public KpiDefinition(String id, Text name, Text definition, Text technical, Unit unit, Better better,
            Category category, Indicator indicator, List<Dimension> breakdowns, boolean enabled) {
        this(id, name, definition, technical, unit, better, category, indicator, breakdowns, enabled, null);
    }

    /** A KPI with a singular name. */
    public KpiDefinition(String id, Text name, Text definition, Text technical, Unit unit, Better better,
            Category category, Indicator indicator, List<Dimension> breakdowns, boolean enabled, Range range) {
        this(id, name, definition, technical, unit, better, category, indicator, breakdowns, enabled, range, List.of());
    }

    /** Whether the name in the language of {@code locale} is a plural ("Neukunden"), which verbs agree with. */
    public boolean pluralIn(Locale locale) {
        return plural.contains("de".equals(locale.getLanguage()) ? "de" : "en");
    }

    /**
     * The values a KPI can take, from its definition: a share of 0 to 1, a growth rate of −1 or more, a
     * score of −100 to 100. An end left out is open. Reports and the review read it instead of knowing
     * KPIs by id.
     *
     * @param min the lowest value, null for none
     * @param max the highest value, null for none
     */
    public record Range(BigDecimal min, BigDecimal max) {

        public Range {
            if (min != null && max != null && min.compareTo(max) > 0) {
                throw new IllegalArgumentException("a range from " + min + " to " + max
                        + " is empty: min must not be above max");
            }
        }

        /** Whether {@code value} lies within the range, ends included. */
        public boolean contains(double value) {
            return (min == null || value >= min.doubleValue()) && (max == null || value <= max.doubleValue());
        }
    }

    /** A text in German and English. */
    public record Text(@NotBlank String de, @NotBlank String en) {

        public String in(Locale locale) {
            return "de".equals(locale.getLanguage()) ? de : en;
        }
    }

    public enum Unit {
        COUNT, RATE, MONEY, SECONDS, HOURS, DAYS, YEARS, MONTHS, NUMBER, RATIO, SCORE, REACTIONS_PER_HOUR,
        CONTACTS_PER_CUSTOMER
    }

    public enum Better {
        HIGHER, LOWER, NONE
    }

    public enum Category {
        AWARENESS, INTERACTION, LEAD_GENERATION, PROSPECTING, FUNNEL, SALES, REVENUE, CUSTOMERS, UNIT_ECONOMICS
    }

    public enum Indicator {
        LEADING, LAGGING
    }

    /** A breakdown dimension; its name is the one results and the CSV export use. */
    public enum Dimension {
        CHANNEL, CAMPAIGN, REP, SEGMENT, NETWORK, KIND, TYPE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}

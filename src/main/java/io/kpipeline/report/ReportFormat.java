package io.kpipeline.report;

import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.kpi.KpiDefinition.Unit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Numbers, money, changes and dates as the reports print them in their locale: {@code 1.234},
 * {@code 23,7 %}, {@code 1.234,56 €}, {@code +2,1 Pp}, {@code 01.11.2026} in German. Each KPI
 * unit has one way to print; a missing value prints as a dash, never as 0.
 */
public final class ReportFormat {

    /** The report texts, shared by the templates and the formatting here. */
    static final String TEXTS = "reports.i18n.ReportTexts";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Locale locale;
    private final Currency currency;
    private final ResourceBundle texts;

    public ReportFormat(Locale locale, Currency currency) {
        this.locale = locale;
        this.currency = currency;
        this.texts = ResourceBundle.getBundle(TEXTS, locale, ReportFormat.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return locale;
    }

    public String text(String key, Object... arguments) {
        String pattern = texts.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    /**
     * The grammatical number of a KPI's name in the report language, for the texts' choice formats that make a
     * verb agree with it: 1 for a singular name ("Umsatzanteil Neukunden stieg"), 2 for a plural one
     * ("Neukunden stiegen").
     */
    public int number(KpiDefinition kpi) {
        return kpi.pluralIn(locale) ? 2 : 1;
    }

    public String none() {
        return text("value.none");
    }

    /** A KPI value in its unit. */
    public String value(BigDecimal value, Unit unit) {
        if (value == null) {
            return none();
        }
        return switch (unit) {
            case COUNT -> decimal(0).format(value);
            case RATE -> percent(1).format(value);
            case MONEY -> money().format(value);
            case SECONDS -> decimal(0).format(value) + "\u00a0" + text("unit.seconds");
            case HOURS -> decimal(1).format(value) + "\u00a0" + text("unit.hours");
            case DAYS -> duration(value, "unit.days");
            case MONTHS -> duration(value, "unit.months");
            case YEARS -> duration(value, "unit.years");
            case SCORE -> decimal(1).format(value);
            case NUMBER, RATIO -> decimal(2).format(value);
            case REACTIONS_PER_HOUR -> decimal(2).format(value) + "\u00a0" + text("unit.reactionsPerHour");
            case CONTACTS_PER_CUSTOMER -> decimal(2).format(value) + "\u00a0" + text("unit.contactsPerCustomer");
        };
    }

    /** "1,0 Jahr", "2,5 Jahre": the unit agrees with the value as printed, to one decimal. */
    private String duration(BigDecimal value, String unitKey) {
        BigDecimal printed = value.setScale(1, RoundingMode.HALF_UP);
        return decimal(1).format(printed) + "\u00a0" + text(unitKey, printed.doubleValue());
    }

    /**
     * A change as {@link io.kpipeline.evaluation.StoredResult} gives it: rates as the difference in
     * percentage points, everything else relative in per cent; a dash where that one is missing.
     */
    public String change(BigDecimal difference, BigDecimal relative, Unit unit) {
        if (unit == Unit.RATE) {
            return difference == null ? none()
                    : signed(decimal(1)).format(difference.multiply(HUNDRED)) + "\u00a0" + text("unit.percentagePoints");
        }
        return relative == null ? none() : signed(percent(1)).format(relative);
    }

    /** A share 0..1 as per cent. */
    String share(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) {
            return none();
        }
        return percent(1).format(part.divide(whole, java.math.MathContext.DECIMAL64));
    }

    public String date(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    /**
     * The line a preliminary report carries on its cover and at the top of every page ("Vorläufig – Daten
     * bis 02.12.2026"); null for the report of a period that has ended, which the templates then leave out.
     */
    public String preliminary(Edition edition) {
        return edition.isPreliminary() ? text("preliminary.banner", date(edition.preliminaryUpTo())) : null;
    }

    /** A document title or mail subject, marked "(vorläufig)" for a preliminary report. */
    public String title(Edition edition, String title) {
        return edition.isPreliminary() ? text("preliminary.title", title) : title;
    }

    private DecimalFormat decimal(int digits) {
        DecimalFormat f = (DecimalFormat) NumberFormat.getNumberInstance(locale);
        return fixed(f, digits);
    }

    private DecimalFormat percent(int digits) {
        DecimalFormat f = (DecimalFormat) NumberFormat.getPercentInstance(locale);
        return fixed(f, digits);
    }

    private DecimalFormat money() {
        DecimalFormat f = (DecimalFormat) NumberFormat.getCurrencyInstance(locale);
        f.setCurrency(currency);
        DecimalFormatSymbols symbols = f.getDecimalFormatSymbols();
        symbols.setCurrency(currency);
        symbols.setCurrencySymbol(currency.getSymbol(locale));
        f.setDecimalFormatSymbols(symbols);
        return fixed(f, currency.getDefaultFractionDigits());
    }

    private static DecimalFormat fixed(DecimalFormat f, int digits) {
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        f.setRoundingMode(RoundingMode.HALF_UP);
        f.setParseBigDecimal(true);
        return f;
    }

    private static DecimalFormat signed(DecimalFormat f) {
        f.setPositivePrefix("+" + f.getPositivePrefix());
        return f;
    }
}

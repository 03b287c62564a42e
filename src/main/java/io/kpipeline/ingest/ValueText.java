package io.kpipeline.ingest;

import io.kpipeline.model.Column;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a value written in a {@link Dialect} into the canonical text {@link ValueParser} reads:
 * {@code 1.234,56} into {@code 1234.56}, {@code 31.12.2026 14:05} into {@code 2026-12-31 14:05:00},
 * {@code 2026-03-01T08:00:00.000Z} into business-local time. Timestamps without an offset are read in
 * the dialect's zone and converted to the business zone; a date alone in a timestamp column is
 * midnight of that day, unconverted (a date has no zone). The canonical dialect passes values through
 * unchanged, so that its import stays exactly as strict as before.
 */
final class ValueText {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d{1,9})?)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern GERMAN = Pattern.compile(
            "(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?:,?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");
    private static final DateTimeFormatter CANONICAL_TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss",
            Locale.ROOT);
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(?:[.,]\\d+)?");

    private static final ValueText CANONICAL = new ValueText(Dialect.CANONICAL, ZoneId.of("UTC"));

    private final Dialect dialect;
    private final ZoneId business;
    private final ZoneId source;
    private final List<DateTimeFormatter> extraFormats = new ArrayList<>();
    private final Pattern grouped;
    private final char decimal;
    private final char thousands;

    private ValueText(Dialect dialect, ZoneId business) {
        this.dialect = dialect;
        this.business = business;
        this.source = dialect.zone() == null ? business : dialect.zone();
        for (String pattern : dialect.dateFormats()) {
            // strict resolving needs the proleptic year (u): yyyy would ask for an era
            String proleptic = pattern.contains("G") ? pattern : pattern.replace('y', 'u');
            extraFormats.add(DateTimeFormatter.ofPattern(proleptic, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT));
        }
        this.decimal = dialect.decimal() == Dialect.Decimal.COMMA ? ',' : '.';
        this.thousands = decimal == ',' ? '.' : ',';
        this.grouped = Pattern.compile("-?\\d{1,3}(?:" + Pattern.quote(String.valueOf(thousands)) + "\\d{3})+(?:"
                + Pattern.quote(String.valueOf(decimal)) + "\\d+)?");
    }

    /** The conversion for a dialect whose delimiter and decimal separator are known. */
    static ValueText of(Dialect dialect, ZoneId business) {
        return dialect.isCanonical() ? CANONICAL : new ValueText(dialect, business);
    }

    /** {@code raw} as canonical text for {@code column}; blank stays blank. */
    String canonical(Column column, String raw) throws InvalidValueException {
        if (this == CANONICAL) {
            return raw;
        }
        String text = raw.strip();
        if (text.isEmpty()) {
            return raw;
        }
        return switch (column.type()) {
            case TIMESTAMP -> timestamp(text);
            case DATE, MONTH -> date(text);
            case MONEY -> number(text, true);
            case COUNT, LARGE_COUNT, INTEGER, SCORE -> number(text, false);
            case BOOLEAN -> bool(text);
            default -> raw;
        };
    }

    private String timestamp(String text) throws InvalidValueException {
        try {
            Matcher iso = ISO.matcher(text);
            if (iso.matches()) {
                LocalDate date = LocalDate.of(num(iso, 1), num(iso, 2), num(iso, 3));
                if (iso.group(4) == null) {
                    return format(date.atStartOfDay());
                }
                LocalDateTime local = date.atTime(num(iso, 4), num(iso, 5), iso.group(6) == null ? 0 : num(iso, 6));
                if (iso.group(7) != null) {
                    return format(OffsetDateTime.of(local, offset(iso.group(7))).atZoneSameInstant(business)
                            .toLocalDateTime());
                }
                return format(toBusiness(local));
            }
            Matcher german = GERMAN.matcher(text);
            if (german.matches()) {
                LocalDate date = LocalDate.of(num(german, 3), num(german, 2), num(german, 1));
                if (german.group(4) == null) {
                    return format(date.atStartOfDay());
                }
                return format(toBusiness(date.atTime(num(german, 4), num(german, 5),
                        german.group(6) == null ? 0 : num(german, 6))));
            }
            for (DateTimeFormatter format : extraFormats) {
                try {
                    TemporalAccessor parsed = format.parse(text);
                    LocalDate date = LocalDate.from(parsed);
                    if (!parsed.isSupported(java.time.temporal.ChronoField.HOUR_OF_DAY)) {
                        return format(date.atStartOfDay());
                    }
                    return format(toBusiness(date.atTime(LocalTime.from(parsed))));
                } catch (DateTimeException e) {
                    // the next pattern
                }
            }
        } catch (DateTimeException e) {
            // a day or hour the calendar does not have: reported below
        }
        throw InvalidValueException.of("is not a timestamp " + timestampForms());
    }

    private String date(String text) throws InvalidValueException {
        Matcher iso = ISO.matcher(text);
        Matcher german = GERMAN.matcher(text);
        if (iso.matches() && iso.group(7) != null || german.matches() && german.group(4) != null
                || iso.matches() && iso.group(4) != null) {
            // a timestamp where a date is expected: its day in business-local time
            return timestamp(text).substring(0, 10);
        }
        try {
            if (iso.matches()) {
                return LocalDate.of(num(iso, 1), num(iso, 2), num(iso, 3)).toString();
            }
            if (german.matches()) {
                return LocalDate.of(num(german, 3), num(german, 2), num(german, 1)).toString();
            }
            for (DateTimeFormatter format : extraFormats) {
                try {
                    return LocalDate.from(format.parse(text)).toString();
                } catch (DateTimeException e) {
                    // the next pattern
                }
            }
        } catch (DateTimeException e) {
            // reported below
        }
        throw InvalidValueException.of("is not a date dd.MM.yyyy or yyyy-MM-dd");
    }

    /**
     * A number with the dialect's decimal separator and optional thousands separators in groups of three,
     * without them; a currency sign or code and blanks around money are dropped.
     */
    private String number(String text, boolean money) throws InvalidValueException {
        String plain = text;
        if (money) {
            plain = plain.replace("€", "").replace("EUR", "").strip();
        }
        plain = plain.replace("\u00A0", "").replace("\u202F", "").replace(" ", "");
        if (grouped.matcher(plain).matches()) {
            plain = plain.replace(String.valueOf(thousands), "");
        } else if (!PLAIN_NUMBER.matcher(plain).matches() || plain.indexOf(thousands) >= 0) {
            throw InvalidValueException.of("is not " + (money ? "an amount like " + example() : "a whole number"));
        }
        return plain.replace(decimal, '.');
    }

    private static String bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "yes", "ja", "wahr", "y", "j" -> "true";
            case "no", "nein", "falsch", "n" -> "false";
            default -> text;
        };
    }

    private LocalDateTime toBusiness(LocalDateTime local) {
        if (source.equals(business)) {
            return local;
        }
        return local.atZone(source).withZoneSameInstant(business).toLocalDateTime();
    }

    private String timestampForms() {
        StringBuilder forms = new StringBuilder("dd.MM.yyyy HH:mm or yyyy-MM-dd HH:mm:ss");
        for (String pattern : dialect.dateFormats()) {
            forms.append(" or ").append(pattern);
        }
        return forms.toString();
    }

    private String example() {
        return decimal == ',' ? "1.234,56" : "1,234.56";
    }

    private static String format(LocalDateTime value) {
        return value.truncatedTo(ChronoUnit.SECONDS).format(CANONICAL_TIMESTAMP);
    }

    private static ZoneOffset offset(String text) {
        return text.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(text.length() == 5
                ? text.substring(0, 3) + ":" + text.substring(3) : text);
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}

package io.kpipeline.ingest;

import io.kpipeline.model.Column;
import io.kpipeline.model.ColumnType;
import io.kpipeline.system.FormulaGuard;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one CSV field into the Java value bound to its column, or says why it cannot. Empty
 * fields are NULL; blanks around non-text values are ignored. Timestamps stay business-local
 * {@link LocalDateTime}s, exactly as written. An id or text that a CSV writer guarded against
 * spreadsheet formulas ({@code '=…}, see {@link FormulaGuard}) is read without the guard, so that what
 * {@code generate --csv} wrote imports unchanged.
 */
final class ValueParser {

    private static final DateTimeFormatter DATE = strict("uuuu-MM-dd");
    private static final DateTimeFormatter TIMESTAMP_T = strict("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter TIMESTAMP_BLANK = strict("uuuu-MM-dd HH:mm:ss");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("-?(\\d+)(?:\\.(\\d+))?");
    private static final Pattern FREE_CODE = Pattern.compile("[A-Z0-9_]{1,32}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final int ID_LENGTH = 64;
    private static final int CODE_LENGTH = 32;
    private static final int MONEY_INTEGER_DIGITS = 12;
    private static final int MONEY_DECIMALS = 2;

    private ValueParser() {
    }

    /**
     * The value of {@code raw} for {@code column}: a String, LocalDateTime,
     * LocalDate, BigDecimal, Integer, Long or Boolean, or {@code null} for an empty optional field.
     */
    static Object parse(Column column, String raw) throws InvalidValueException {
        ColumnType type = column.type();
        String text = type == ColumnType.TEXT || type == ColumnType.LONG_TEXT ? raw : raw.strip();
        if (text.isEmpty()) {
            if (column.required()) {
                throw InvalidValueException.missing(column.name());
            }
            return null;
        }
        return switch (type) {
            case ID -> id(FormulaGuard.restore(text));
            case TEXT -> text(column, FormulaGuard.restore(text));
            case LONG_TEXT -> longText(column, FormulaGuard.restore(text));
            case CODE -> code(column, text);
            case TIMESTAMP -> timestamp(text);
            case DATE -> date(text);
            case MONTH -> month(text);
            case MONEY -> money(text);
            case COUNT -> Math.toIntExact(whole(text, 0, Integer.MAX_VALUE, type));
            case LARGE_COUNT -> whole(text, 0, Long.MAX_VALUE, type);
            case INTEGER -> Math.toIntExact(whole(text, Integer.MIN_VALUE, Integer.MAX_VALUE, type));
            case BOOLEAN -> bool(text);
            case SCORE -> Math.toIntExact(whole(text, 0, 10, type));
            case COUNTRY -> country(text);
        };
    }

    private static String id(String text) throws InvalidValueException {
        if (text.codePointCount(0, text.length()) > ID_LENGTH) {
            throw InvalidValueException.of("is longer than " + ID_LENGTH + " characters");
        }
        return text;
    }

    private static String text(Column column, String text) throws InvalidValueException {
        if (text.codePointCount(0, text.length()) > column.maxLength()) {
            throw InvalidValueException.of("is longer than " + column.maxLength() + " characters");
        }
        return text;
    }

    private static String longText(Column column, String text) throws InvalidValueException {
        int max = column.maxLength();
        if (text.length() * 3L > max && text.getBytes(StandardCharsets.UTF_8).length > max) {
            throw InvalidValueException.of(String.format(Locale.ROOT, "is longer than %,d bytes", max));
        }
        return text;
    }

    private static String code(Column column, String text) throws InvalidValueException {
        if (!column.codes().isEmpty()) {
            if (!column.codes().contains(text)) {
                throw InvalidValueException.of("is not one of " + String.join(", ", column.codes()));
            }
        } else if (!FREE_CODE.matcher(text).matches()) {
            throw InvalidValueException.of("is not an upper-case code of A-Z, 0-9 and _ (at most "
                    + CODE_LENGTH + " characters)");
        }
        return text;
    }

    private static LocalDateTime timestamp(String text) throws InvalidValueException {
        DateTimeFormatter format = text.length() > 10 && text.charAt(10) == 'T' ? TIMESTAMP_T : TIMESTAMP_BLANK;
        try {
            LocalDateTime value = LocalDateTime.parse(text, format);
            if (inDatabaseRange(value.getYear())) {
                return value;
            }
        } catch (DateTimeException e) {
            // reported below, with the value
        }
        throw InvalidValueException.of("is not " + ColumnType.TIMESTAMP.expectation());
    }

    private static LocalDate date(String text) throws InvalidValueException {
        try {
            LocalDate value = LocalDate.parse(text, DATE);
            if (inDatabaseRange(value.getYear())) {
                return value;
            }
        } catch (DateTimeException e) {
            // reported below, with the value
        }
        throw InvalidValueException.of("is not " + ColumnType.DATE.expectation());
    }

    private static LocalDate month(String text) throws InvalidValueException {
        LocalDate value = date(text);
        if (value.getDayOfMonth() != 1) {
            throw InvalidValueException.of("is not " + ColumnType.MONTH.expectation());
        }
        return value;
    }

    private static BigDecimal money(String text) throws InvalidValueException {
        Matcher m = DECIMAL.matcher(text);
        if (!m.matches()) {
            throw InvalidValueException.of("is not " + ColumnType.MONEY.expectation()
                    + (text.contains(",") ? " (a dot before the cents, no thousands separators)" : ""));
        }
        BigDecimal value = new BigDecimal(text);
        if (value.signum() < 0) {
            throw InvalidValueException.of("is negative; amounts must be 0 or more");
        }
        if (m.group(2) != null && m.group(2).length() > MONEY_DECIMALS) {
            throw InvalidValueException.of("has more than " + MONEY_DECIMALS + " decimal places");
        }
        if (value.precision() - value.scale() > MONEY_INTEGER_DIGITS) {
            throw InvalidValueException.of("is too large; amounts have at most " + MONEY_INTEGER_DIGITS
                    + " digits before the dot");
        }
        return value;
    }

    private static long whole(String text, long min, long max, ColumnType type) throws InvalidValueException {
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            throw InvalidValueException.of("is not " + type.expectation());
        }
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // more than 19 digits: out of every range, reported below
        }
        if (type == ColumnType.SCORE || min == 0 && text.startsWith("-")) {
            throw InvalidValueException.of("is not " + type.expectation());
        }
        throw InvalidValueException.of(String.format(Locale.ROOT, "is out of range (%,d to %,d)", min, max));
    }

    private static Boolean bool(String text) throws InvalidValueException {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> throw InvalidValueException.of("is not " + ColumnType.BOOLEAN.expectation());
        };
    }

    private static String country(String text) throws InvalidValueException {
        if (!COUNTRY.matcher(text).matches()) {
            throw InvalidValueException.of("is not " + ColumnType.COUNTRY.expectation());
        }
        return text;
    }

    private static boolean inDatabaseRange(int year) {
        return year >= 1000 && year <= 9999;
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }
}

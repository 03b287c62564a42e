package io.kpipeline.ingest;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a delimited file is written: character encoding, delimiter, decimal separator, date forms and
 * the time zone of its timestamps. {@link #CANONICAL} is the strict format of the data model (UTF-8,
 * comma, decimal dot, ISO dates, business-local time), the import's default; {@link #EXCEL_DE} is what
 * German Excel writes ({@code ;}, decimal comma, {@code dd.MM.yyyy}, Windows-1252 without a byte
 * order mark). Source profiles set their own.
 *
 * @param name        how the user names it ({@code canonical}, {@code excel-de}, or a profile's name)
 * @param encoding    the character encoding, or {@link Encoding#AUTO} to tell it from the bytes
 * @param delimiter   the field delimiter, or {@code 0} to tell it from the header line ({@code ,} {@code ;} or tab)
 * @param decimal     the decimal separator of numbers and money
 * @param zone        the zone of timestamps written without an offset; {@code null}: the business zone
 *                    ({@code kpi.zone}). Timestamps with {@code Z} or an offset are converted whatever it is.
 * @param dateFormats further date or timestamp patterns ({@link java.time.format.DateTimeFormatter}),
 *                    tried after ISO and {@code dd.MM.yyyy}
 */
public record Dialect(String name, Encoding encoding, char delimiter, Decimal decimal, ZoneId zone,
        List<String> dateFormats) {

    /** The character encodings a source file may have. */
    public enum Encoding {
        /** A byte order mark decides (UTF-8, UTF-16LE/BE); without one UTF-8 if the bytes are valid UTF-8, else Windows-1252. */
        AUTO,
        UTF_8,
        UTF_16,
        WINDOWS_1252
    }

    /** The decimal separator of numbers and money. */
    public enum Decimal {
        /** {@code 1234.56}, {@code 1,234.56}. */
        DOT,
        /** {@code 1234,56}, {@code 1.234,56}. */
        COMMA,
        /** A comma in files delimited by {@code ;} (as Excel writes them where the comma is the decimal separator), else a dot. */
        AUTO
    }

    /** The data model's own format: UTF-8, comma, decimal dot, ISO dates, business-local timestamps. */
    public static final Dialect CANONICAL = new Dialect("canonical", Encoding.UTF_8, ',', Decimal.DOT, null, List.of());

    /** A CSV file saved by German Excel: {@code ;}, decimal comma, {@code dd.MM.yyyy}, Windows-1252 or UTF-8. */
    public static final Dialect EXCEL_DE = new Dialect("excel-de", Encoding.AUTO, (char) 0, Decimal.COMMA, null,
            List.of());

    public Dialect {
        dateFormats = dateFormats == null ? List.of() : List.copyOf(dateFormats);
    }

    /** The dialect {@code --dialect} names: {@code canonical} or {@code excel-de}. */
    public static Optional<Dialect> named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "canonical" -> Optional.of(CANONICAL);
            case "excel-de" -> Optional.of(EXCEL_DE);
            default -> Optional.empty();
        };
    }

    /** Whether this is the strict canonical format, whose values need no conversion. */
    public boolean isCanonical() {
        return this == CANONICAL || equals(CANONICAL);
    }

    /** The same dialect with another delimiter (and, when it was {@link Decimal#AUTO}, the decimal that goes with it). */
    public Dialect withDelimiter(char actual) {
        Decimal resolved = decimal != Decimal.AUTO ? decimal : actual == ';' ? Decimal.COMMA : Decimal.DOT;
        return new Dialect(name, encoding, actual, resolved, zone, dateFormats);
    }

    /** The same dialect with another decimal separator (cells of a spreadsheet carry plain numbers). */
    public Dialect withDecimal(Decimal actual) {
        return new Dialect(name, encoding, delimiter, actual, zone, dateFormats);
    }
}

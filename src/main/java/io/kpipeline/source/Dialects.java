package io.kpipeline.source;

import io.kpipeline.ingest.Dialect;
import io.kpipeline.source.SourceProfile.DialectSettings;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The {@link Dialect} of a profile's file from the profile's settings, the file's own and {@code --dialect}. */
final class Dialects {

    private Dialects() {
    }

    /**
     * The dialect of the settings, a file's settings over the profile's.
     *
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    static Dialect of(DialectSettings profile, DialectSettings file) {
        DialectSettings f = file == null ? new DialectSettings(null, null, null, null, null) : file;
        String encoding = first(f.encoding(), profile.encoding(), "auto");
        String delimiter = first(f.delimiter(), profile.delimiter(), "auto");
        String decimal = first(f.decimal(), profile.decimal(), "auto");
        String zone = first(f.zone(), profile.zone(), null);
        List<String> formats = new ArrayList<>();
        if (profile.dateFormats() != null) {
            formats.addAll(profile.dateFormats());
        }
        if (f.dateFormats() != null) {
            formats.addAll(f.dateFormats());
        }
        for (String format : formats) {
            try {
                DateTimeFormatter.ofPattern(format);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("date-formats: " + format + " is not a date pattern ("
                        + e.getMessage() + ")");
            }
        }
        return new Dialect("profile", encoding(encoding), delimiter(delimiter), decimal(decimal), zone(zone), formats);
    }

    /** A profile's dialect for files re-saved in {@code saved} (e.g. by German Excel): its zone and patterns stay. */
    static Dialect resavedAs(Dialect profile, Dialect saved) {
        List<String> formats = new ArrayList<>(profile.dateFormats());
        formats.addAll(saved.dateFormats());
        return new Dialect(saved.name(), saved.encoding(), saved.delimiter(), saved.decimal(), profile.zone(), formats);
    }

    private static Dialect.Encoding encoding(String text) {
        return switch (text.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
            case "auto" -> Dialect.Encoding.AUTO;
            case "utf8" -> Dialect.Encoding.UTF_8;
            case "utf16" -> Dialect.Encoding.UTF_16;
            case "windows1252", "cp1252" -> Dialect.Encoding.WINDOWS_1252;
            default -> throw new IllegalArgumentException("encoding: " + text
                    + " is not one of auto, UTF-8, UTF-16, windows-1252");
        };
    }

    private static char delimiter(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "auto" -> 0;
            case ",", "comma" -> ',';
            case ";", "semicolon" -> ';';
            case "tab", "\t" -> '\t';
            default -> throw new IllegalArgumentException("delimiter: " + text + " is not one of auto, \",\", \";\", tab");
        };
    }

    private static Dialect.Decimal decimal(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "auto" -> Dialect.Decimal.AUTO;
            case "comma", "," -> Dialect.Decimal.COMMA;
            case "dot", "." -> Dialect.Decimal.DOT;
            default -> throw new IllegalArgumentException("decimal: " + text + " is not one of auto, comma, dot");
        };
    }

    private static ZoneId zone(String text) {
        if (text == null || text.equalsIgnoreCase("business")) {
            return null;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("zone: " + text + " is not a time zone like UTC or Europe/Berlin");
        }
    }

    private static String first(String a, String b, String otherwise) {
        return a != null ? a : b != null ? b : otherwise;
    }
}

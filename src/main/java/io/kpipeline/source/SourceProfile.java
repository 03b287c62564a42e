package io.kpipeline.source;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A source profile ({@code config/sources/<name>.yml}): how the exports of one system (HubSpot,
 * Pipedrive, Salesforce …) become rows of the canonical tables, without code. It names the files and
 * what their columns are called (in every language the system exports), how each canonical table is
 * filled from them, the value maps from the system's labels to canonical codes that a company
 * completes, and which canonical tables it cannot fill. Files are one kind of source; a later SQL
 * source produces the same named source rows, so that the same tables, maps and loading path apply.
 *
 * @param name        the system's name, as the output names it
 * @param description what the profile reads, for the person who adapts it
 * @param dialect     how the system writes its files (encoding, delimiter, decimal separator, zone)
 * @param files       the source files by key: file name patterns and column labels
 * @param lookups     ids found by name in another file, where an export names instead of identifying
 * @param valueMaps   the system's labels to canonical codes, by map name
 * @param tables      how each canonical table is filled, by table name
 * @param notFilled   canonical tables the profile cannot fill, each with the reason (a canonical CSV
 *                    beside the profile fills them)
 */
record SourceProfile(String name, String description, DialectSettings dialect,
        LinkedHashMap<String, SourceFile> files, Map<String, Lookup> lookups, Map<String, ValueMap> valueMaps,
        LinkedHashMap<String, TableMapping> tables, Map<String, String> notFilled) {

    SourceProfile {
        dialect = dialect == null ? new DialectSettings(null, null, null, null, null) : dialect;
        files = files == null ? new LinkedHashMap<>() : files;
        lookups = lookups == null ? Map.of() : lookups;
        valueMaps = valueMaps == null ? Map.of() : valueMaps;
        tables = tables == null ? new LinkedHashMap<>() : tables;
        notFilled = notFilled == null ? Map.of() : notFilled;
    }

    /**
     * How files are written; every setting may be left out.
     *
     * @param encoding    {@code auto} (default), {@code UTF-8}, {@code UTF-16} or {@code windows-1252}
     * @param delimiter   {@code auto} (default), {@code ,}, {@code ;} or {@code tab}
     * @param decimal     {@code auto} (default: comma in {@code ;} files, else dot), {@code comma} or {@code dot}
     * @param zone        the zone of timestamps without an offset, e.g. {@code UTC}; default {@code kpi.zone}
     * @param dateFormats further date or timestamp patterns, e.g. {@code MM/dd/yyyy HH:mm}
     */
    record DialectSettings(String encoding, String delimiter, String decimal, String zone, List<String> dateFormats) {
    }

    /**
     * One kind of source file.
     *
     * @param patterns    file name patterns ({@code *} and {@code ?}, {@code {csv,xlsx}}), case-insensitive; a file
     *                    belongs to the first file key (in profile order) with a matching pattern
     * @param columns     the fields the profile uses, each with the header labels it may have (any language,
     *                    case-insensitive)
     * @param optional    fields that may be missing from a file; the others must be there
     * @param dialect     settings that differ from the profile's
     */
    record SourceFile(List<String> patterns, LinkedHashMap<String, List<String>> columns, List<String> optional,
            DialectSettings dialect) {

        SourceFile {
            patterns = patterns == null ? List.of() : patterns;
            columns = columns == null ? new LinkedHashMap<>() : columns;
            optional = optional == null ? List.of() : optional;
        }
    }

    /**
     * An id found by a name (or another id): the rows of {@code file} give {@code value} for each of {@code key}.
     *
     * @param file      the file key whose rows are the index
     * @param key       its fields holding the name (compared case-insensitively); a row is found by any of them
     * @param value     its field holding the id
     * @param ifMissing {@code report} (default): a value not found is reported like an unmapped label and its row
     *                  is not loaded; {@code otherwise}: the column's {@code otherwise} (or nothing) is used
     */
    record Lookup(String file, List<String> key, String value, String ifMissing) {

        Lookup {
            key = key == null ? List.of() : key;
        }

        boolean reportsMissing() {
            return !"otherwise".equals(ifMissing);
        }
    }

    /**
     * Labels of a source system to canonical codes. A label may hold {@code *} for any text. A code left
     * empty ({@code ""}) means no value; {@code (skip)} means the row is not loaded.
     *
     * @param labels    label → code; compared case-insensitively, blanks collapsed
     * @param otherwise the code for a label that is not listed; without it such a label is an unmapped value
     *                  that stops the import of its table until it is added
     */
    record ValueMap(LinkedHashMap<String, String> labels, String otherwise) {

        ValueMap {
            labels = labels == null ? new LinkedHashMap<>() : labels;
        }
    }

    /**
     * How one canonical table is filled.
     *
     * @param duplicates {@code refuse} (default): a key twice refuses the table; {@code first}: the first row of a
     *                   key wins (a table filled from several files, such as the owners named in every export)
     * @param sources    where its rows come from, in order
     */
    record TableMapping(String duplicates, List<RowMapping> sources) {

        TableMapping {
            sources = sources == null ? List.of() : sources;
        }
    }

    /**
     * Rows of a canonical table from one source: a row per source row (where {@code when} holds), several
     * per source row with {@code unpivot}, or constant {@code rows}.
     *
     * @param from    the file key the rows come from
     * @param when    which source rows give a row (default: all)
     * @param columns canonical column → where its value comes from
     * @param unpivot one row per filled column whose header matches a pattern
     * @param rows    constant rows, canonical column → value (instead of {@code from})
     */
    record RowMapping(String from, Condition when, LinkedHashMap<String, ColumnRule> columns, Unpivot unpivot,
            List<LinkedHashMap<String, String>> rows) {

        RowMapping {
            columns = columns == null ? new LinkedHashMap<>() : columns;
            rows = rows == null ? List.of() : rows;
        }
    }

    /**
     * Several rows from one source row: for every header matching one of {@code headers}, whose cell is
     * filled, a row with the header's mapped label in {@code labelColumn} and the cell in {@code valueColumn}.
     *
     * @param headers     header patterns with the placeholder {@code {label}}, e.g. {@code Became a {label} Date}
     * @param map         the value map for the label
     * @param labelColumn the canonical column that takes the mapped label
     * @param valueColumn the canonical column that takes the cell's value
     */
    record Unpivot(List<String> headers, String map, String labelColumn, String valueColumn) {

        Unpivot {
            headers = headers == null ? List.of() : headers;
        }
    }

    /**
     * A condition on a source row (and, for a column, on the row's other canonical values); all its parts must hold.
     *
     * @param filled   fields that must hold a value
     * @param empty    fields that must be empty
     * @param values   field → the values one of which it must hold (case-insensitive)
     * @param notFound a field's value that a lookup must not find (e.g. an opportunity no lead was converted to)
     * @param columns  canonical column → the values one of which it must have (a column's {@code when} only)
     */
    record Condition(List<String> filled, List<String> empty, Map<String, List<String>> values, NotFound notFound,
            Map<String, List<String>> columns) {

        Condition {
            filled = filled == null ? List.of() : filled;
            empty = empty == null ? List.of() : empty;
            values = values == null ? Map.of() : values;
            columns = columns == null ? Map.of() : columns;
        }
    }

    /**
     * The value of {@code field} is not found by {@code lookup}.
     *
     * @param lookup a lookup of the profile
     * @param field  a field of the row
     */
    record NotFound(String lookup, String field) {
    }

    /**
     * Where a canonical column's value comes from: one of {@code field}, {@code value} or {@code template},
     * then the steps in the order listed here.
     *
     * @param field        a field of the source file
     * @param value        a constant
     * @param template     text with {@code {field}} placeholders, e.g. {@code HS-DEAL-{id}}
     * @param remove       texts removed from the value, e.g. {@code (Deactivated User)}
     * @param firstOfList  the separator of a field that lists several values; the first one is taken
     * @param convert      {@code hours-minutes-to-minutes} ({@code 01:30} → 90) or {@code seconds-to-minutes}
     * @param otherwise    where the value comes from when this gives none
     * @param defaultValue the canonical value when the source gives none
     * @param map          value maps applied in turn to a filled value
     * @param qualifier    a field whose value qualifies the label, {@code "<qualifier>: <label>"} tried first
     * @param lookup       a lookup that turns the (name) value into an id
     * @param when         the column is set only when this holds
     */
    record ColumnRule(String field, String value, String template, List<String> remove, String firstOfList,
            String convert, Fallback otherwise, @JsonProperty("default") String defaultValue, List<String> map,
            String qualifier, String lookup, Condition when) {

        ColumnRule {
            remove = remove == null ? List.of() : remove;
            map = map == null ? List.of() : map;
        }

        /** {@code created_at: created} is short for {@code created_at: {field: created}}. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static ColumnRule ofField(String field) {
            return new ColumnRule(field, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    /** The value of a column when its rule gives none; the same steps as {@link ColumnRule}. */
    record Fallback(String field, String value, String template, List<String> remove, String firstOfList,
            List<String> map, String qualifier, String lookup) {

        Fallback {
            remove = remove == null ? List.of() : remove;
            map = map == null ? List.of() : map;
        }
    }
}

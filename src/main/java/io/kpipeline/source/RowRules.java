package io.kpipeline.source;

import io.kpipeline.model.Table;
import io.kpipeline.source.SourceProfile.ColumnRule;
import io.kpipeline.source.SourceProfile.Condition;
import io.kpipeline.source.SourceProfile.Fallback;
import io.kpipeline.source.SourceProfile.SourceFile;
import io.kpipeline.source.SourceProfile.Unpivot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One source of a table's mapping, compiled against the header of one file: turns each source row into
 * canonical rows (text, before the dialect's conversion). A value no map covers is reported to the
 * caller's {@link Misses} and its row is not given; {@code (skip)} drops a row on purpose.
 */
final class RowRules {

    private static final String UNMAPPED = new String("unmapped");
    private static final String SKIP = new String("skip");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    /** Receives a value that no map or lookup covers. */
    @FunctionalInterface
    interface Misses {
        void miss(ProfileKey key, boolean lookup, String value, String column);
    }

    /** The canonical rows of one source row, and whether a {@code (skip)} dropped it. */
    record Outcome(List<String[]> rows, int skipped) {
    }

    private final SourceFile file;
    private final List<String> header;
    private final Map<String, Integer> indexes = new java.util.HashMap<>();
    private final ValueMaps maps;
    private final Lookups lookups;
    private final Condition rowCondition;
    private final List<String> columns;
    private final Expr[] rules;
    private final String[] labels;
    private final List<int[]> unpivotCells = new ArrayList<>();
    private final List<String> unpivotLabels = new ArrayList<>();
    private final Unpivot unpivot;
    private final ProfileKey unpivotMapKey;
    private final int labelColumn;
    private final int valueColumn;

    RowRules(Table table, List<String> columns, MappedTable.Piece piece, SourceFile file, List<String> header,
            ValueMaps maps, Lookups lookups) {
        this.file = file;
        this.header = header;
        this.maps = maps;
        this.lookups = lookups;
        this.columns = columns;
        this.rowCondition = piece.mapping().when();
        this.rules = new Expr[columns.size()];
        this.labels = new String[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            ColumnRule rule = piece.mapping().columns().get(columns.get(i));
            ProfileKey key = piece.key().then("columns", columns.get(i));
            if (rule != null) {
                rules[i] = new Expr(rule, key);
                labels[i] = rules[i].label;
            } else {
                labels[i] = columns.get(i);
            }
        }
        this.unpivot = piece.mapping().unpivot();
        this.unpivotMapKey = unpivot == null ? null : ProfileKey.of("value-maps", unpivot.map(), "labels");
        this.labelColumn = unpivot == null ? -1 : columns.indexOf(unpivot.labelColumn());
        this.valueColumn = unpivot == null ? -1 : columns.indexOf(unpivot.valueColumn());
        if (unpivot != null) {
            java.util.Set<Integer> matched = new java.util.HashSet<>();
            for (String pattern : unpivot.headers()) {
                Pattern regex = headerPattern(pattern);
                for (int c = 0; c < header.size(); c++) {
                    Matcher m = regex.matcher(header.get(c).strip());
                    if (m.matches() && matched.add(c)) {
                        unpivotCells.add(new int[] {c});
                        unpivotLabels.add(m.group(1).strip());
                    }
                }
            }
            labels[labelColumn] = String.join(" / ", unpivot.headers());
            labels[valueColumn] = String.join(" / ", unpivot.headers());
        }
    }

    /** Per canonical column, how the file calls it (for messages). */
    List<String> labels() {
        return List.of(labels);
    }

    /** How many headers of the file the unpivot patterns match. */
    int unpivotColumns() {
        return unpivotCells.size();
    }

    Outcome apply(List<String> cells, Misses misses) {
        if (!holds(rowCondition, cells, null)) {
            return new Outcome(List.of(), 0);
        }
        String[] row = new String[columns.size()];
        java.util.Arrays.fill(row, "");
        boolean missed = false;
        boolean skip = false;
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < rules.length; i++) {
                Expr rule = rules[i];
                boolean late = rule != null && rule.when != null && !rule.when.columns().isEmpty();
                if (rule == null || late != (pass == 1) || !holds(rule.when, cells, row)) {
                    continue;
                }
                String value = rule.eval(cells, misses);
                if (value == UNMAPPED) {
                    missed = true;
                } else if (value == SKIP) {
                    skip = true;
                } else {
                    row[i] = value;
                }
            }
        }
        if (skip) {
            return new Outcome(List.of(), 1);
        }
        if (unpivot == null) {
            return new Outcome(missed ? List.of() : List.<String[]>of(row), 0);
        }
        List<String[]> rows = new ArrayList<>();
        for (int k = 0; k < unpivotCells.size(); k++) {
            String cell = cell(cells, unpivotCells.get(k)[0]);
            if (cell.isEmpty()) {
                continue;
            }
            String label = unpivotLabels.get(k);
            String code = maps.lookup(unpivot.map(), label, null);
            if (code == null) {
                misses.miss(unpivotMapKey, false, label, header.get(unpivotCells.get(k)[0]));
                continue;
            }
            if (code.isEmpty() || code.equals(ValueMaps.SKIP) || missed) {
                continue;
            }
            String[] derived = row.clone();
            derived[labelColumn] = code;
            derived[valueColumn] = cell;
            rows.add(derived);
        }
        return new Outcome(rows, 0);
    }

    private boolean holds(Condition condition, List<String> cells, String[] row) {
        if (condition == null) {
            return true;
        }
        for (String field : condition.filled()) {
            if (cell(cells, index(field)).isEmpty()) {
                return false;
            }
        }
        for (String field : condition.empty()) {
            if (!cell(cells, index(field)).isEmpty()) {
                return false;
            }
        }
        for (Map.Entry<String, List<String>> value : condition.values().entrySet()) {
            String cell = cell(cells, index(value.getKey()));
            if (value.getValue().stream().noneMatch(cell::equalsIgnoreCase)) {
                return false;
            }
        }
        if (condition.notFound() != null) {
            String cell = cell(cells, index(condition.notFound().field()));
            if (!cell.isEmpty() && lookups.find(condition.notFound().lookup(), cell) != null) {
                return false;
            }
        }
        for (Map.Entry<String, List<String>> column : condition.columns().entrySet()) {
            if (row == null || !column.getValue().contains(row[columns.indexOf(column.getKey())])) {
                return false;
            }
        }
        return true;
    }

    /** The column of a field in this file's header (-1 when an optional field is missing), found once. */
    private int index(String field) {
        return indexes.computeIfAbsent(field, f -> Fields.index(header, file.columns().get(f)));
    }

    private static String cell(List<String> cells, int index) {
        return index < 0 || index >= cells.size() || cells.get(index) == null ? "" : cells.get(index).strip();
    }

    /**
     * {@code Became a {label} Date} as a case-insensitive pattern whose group 1 is the label; {@code {*}} stands
     * for any text that is not part of the label (a pipeline's name).
     */
    private static Pattern headerPattern(String pattern) {
        StringBuilder regex = new StringBuilder();
        Matcher m = Pattern.compile("\\{label}|\\{\\*}").matcher(pattern);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(pattern.substring(last, m.start())));
            regex.append(m.group().equals("{label}") ? "(.+?)" : ".*?");
            last = m.end();
        }
        regex.append(Pattern.quote(pattern.substring(last)));
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** A column rule or its fallback, compiled against the header. */
    private final class Expr {

        private final int field;
        private final String value;
        private final List<Object> template = new ArrayList<>();
        private final List<String> remove;
        /** The list separator of the field, compiled once: null when the whole value counts. */
        private final Pattern firstOfList;
        private final String convert;
        private final Expr otherwise;
        private final String defaultValue;
        private final List<String> mapNames;
        private final int qualifier;
        private final String lookup;
        private final Condition when;
        private final ProfileKey key;
        private final String label;

        Expr(ColumnRule rule, ProfileKey key) {
            this(key, rule.field(), rule.value(), rule.template(), rule.remove(), rule.firstOfList(), rule.convert(),
                    rule.otherwise(), rule.defaultValue(), rule.map(), rule.qualifier(), rule.lookup(), rule.when());
        }

        Expr(Fallback rule, ProfileKey key) {
            this(key, rule.field(), rule.value(), rule.template(), rule.remove(), rule.firstOfList(), null, null, null,
                    rule.map(), rule.qualifier(), rule.lookup(), null);
        }

        private Expr(ProfileKey key, String field, String value, String template, List<String> remove,
                String firstOfList, String convert, Fallback otherwise, String defaultValue, List<String> maps,
                String qualifier, String lookup, Condition when) {
            this.key = key;
            this.field = field == null ? -1 : index(field);
            this.value = value;
            if (template != null) {
                Matcher m = PLACEHOLDER.matcher(template);
                int last = 0;
                while (m.find()) {
                    this.template.add(template.substring(last, m.start()));
                    this.template.add(index(m.group(1)));
                    last = m.end();
                }
                this.template.add(template.substring(last));
            }
            this.remove = remove;
            this.firstOfList = firstOfList == null ? null : Pattern.compile(Pattern.quote(firstOfList));
            this.convert = convert;
            this.otherwise = otherwise == null ? null : new Expr(otherwise, key.then("otherwise"));
            this.defaultValue = defaultValue;
            this.mapNames = maps;
            this.qualifier = qualifier == null ? -1 : index(qualifier);
            this.lookup = lookup;
            this.when = when;
            this.label = this.field >= 0 ? header.get(this.field).strip() : key.toString();
        }

        String eval(List<String> cells, Misses misses) {
            String v = base(cells);
            for (String text : remove) {
                v = v.replace(text, "");
            }
            v = v.strip();
            if (firstOfList != null) {
                String first = "";
                for (String part : firstOfList.split(v)) {
                    if (!part.isBlank()) {
                        first = part.strip();
                        break;
                    }
                }
                v = first;
            }
            if (convert != null && !v.isEmpty()) {
                v = convert(v);
            }
            if (v.isEmpty()) {
                return otherwise != null ? otherwise.eval(cells, misses) : defaultValue == null ? "" : defaultValue;
            }
            for (String map : mapNames) {
                String code = maps.lookup(map, v, qualifier < 0 ? null : cell(cells, qualifier));
                if (code == null) {
                    misses.miss(ProfileKey.of("value-maps", map, "labels"), false, v, label);
                    return UNMAPPED;
                }
                if (code.equals(ValueMaps.SKIP)) {
                    return SKIP;
                }
                v = code;
                if (v.isEmpty()) {
                    // mapped to no value: the fallback, if any, gives it
                    return otherwise != null ? otherwise.eval(cells, misses) : "";
                }
            }
            if (lookup != null) {
                String id = lookups.find(lookup, v);
                if (id == null) {
                    if (!lookups.reportsMissing(lookup)) {
                        return otherwise != null ? otherwise.eval(cells, misses) : "";
                    }
                    misses.miss(ProfileKey.of("lookups", lookup), true, v, label);
                    return UNMAPPED;
                }
                v = id;
            }
            return v;
        }

        private String base(List<String> cells) {
            if (value != null) {
                return value;
            }
            if (template.isEmpty()) {
                return cell(cells, field);
            }
            StringBuilder text = new StringBuilder();
            for (Object part : template) {
                if (part instanceof Integer index) {
                    String cell = cell(cells, index);
                    if (cell.isEmpty()) {
                        return "";
                    }
                    text.append(cell);
                } else {
                    text.append(part);
                }
            }
            return text.toString();
        }

        private String convert(String v) {
            try {
                if (convert.equals("seconds-to-minutes")) {
                    return String.valueOf(Math.round(Double.parseDouble(v.replace(',', '.')) / 60));
                }
                String[] parts = v.split(":");
                if (parts.length >= 2) {
                    return String.valueOf(Integer.parseInt(parts[0].strip()) * 60 + Integer.parseInt(parts[1].strip()));
                }
            } catch (NumberFormatException e) {
                // left as it is: the import names the value that is not a number
            }
            return v;
        }
    }
}

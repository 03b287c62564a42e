package io.kpipeline.source;

import io.kpipeline.model.CanonicalModel;
import io.kpipeline.model.Column;
import io.kpipeline.model.ColumnType;
import io.kpipeline.model.Table;
import io.kpipeline.source.SourceProfile.ColumnRule;
import io.kpipeline.source.SourceProfile.Condition;
import io.kpipeline.source.SourceProfile.Fallback;
import io.kpipeline.source.SourceProfile.RowMapping;
import io.kpipeline.source.SourceProfile.SourceFile;
import io.kpipeline.source.SourceProfile.TableMapping;
import io.kpipeline.source.SourceProfile.Unpivot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a bound profile before anything is read: every table, column, file, field, value map and lookup
 * it names exists, every required column of a table it fills gets a value, and every code a value map
 * gives for a coded column is one of that column's codes. Each problem names its key and line.
 */
final class ProfileCheck {

    static final Set<String> CONVERSIONS = Set.of("hours-minutes-to-minutes", "seconds-to-minutes");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    private final SourceProfiles.Loaded loaded;
    private final SourceProfile profile;
    private final List<String> problems = new ArrayList<>();

    ProfileCheck(SourceProfiles.Loaded loaded) {
        this.loaded = loaded;
        this.profile = loaded.profile();
    }

    List<String> problems() {
        dialect(profile.dialect(), ProfileKey.of("dialect"));
        profile.files().forEach((name, file) -> file(name, file));
        profile.lookups().forEach((name, lookup) -> {
            ProfileKey key = ProfileKey.of("lookups", name);
            SourceFile file = profile.files().get(lookup.file());
            if (file == null) {
                problem(key.then("file"), lookup.file(), "is not a file of this profile (files:)");
            } else {
                if (lookup.key().isEmpty()) {
                    problem(key.then("key"), null, "is missing: name the field(s) to find rows by");
                }
                lookup.key().forEach(k -> field(key.then("key"), k, lookup.file()));
                field(key.then("value"), lookup.value(), lookup.file());
            }
            if (lookup.ifMissing() != null && !List.of("report", "otherwise").contains(lookup.ifMissing())) {
                problem(key.then("if-missing"), lookup.ifMissing(), "is neither report nor otherwise");
            }
        });
        profile.notFilled().keySet().forEach(table -> {
            if (CanonicalModel.table(table).isEmpty()) {
                problem(ProfileKey.of("not-filled", table), table, "is not a table of the data model");
            } else if (profile.tables().containsKey(table)) {
                problem(ProfileKey.of("not-filled", table), table, "is filled under tables: as well");
            }
        });
        profile.tables().forEach(this::table);
        return problems;
    }

    private void dialect(SourceProfile.DialectSettings dialect, ProfileKey key) {
        try {
            Dialects.of(dialect, null);
        } catch (IllegalArgumentException e) {
            problems.add(key + ": " + e.getMessage() + " (" + loaded.where(key) + ")");
        }
    }

    private void file(String name, SourceFile file) {
        ProfileKey key = ProfileKey.of("files", name);
        if (file.patterns().isEmpty()) {
            problem(key.then("patterns"), null, "is missing: give at least one file name pattern");
        }
        file.columns().forEach((field, labels) -> {
            if (labels == null || labels.isEmpty()) {
                problem(key.then("columns", field), null, "has no header label");
            }
        });
        file.optional().forEach(field -> {
            if (!file.columns().containsKey(field)) {
                problem(key.then("optional"), field, "is not a field under files." + name + ".columns");
            }
        });
        if (file.dialect() != null) {
            dialect(file.dialect(), key.then("dialect"));
        }
    }

    private void table(String name, TableMapping mapping) {
        ProfileKey key = ProfileKey.of("tables", name);
        Optional<Table> table = CanonicalModel.table(name);
        if (table.isEmpty()) {
            problem(key, name, "is not a table of the data model");
            return;
        }
        if (mapping.duplicates() != null && !List.of("refuse", "first").contains(mapping.duplicates())) {
            problem(key.then("duplicates"), mapping.duplicates(), "is neither refuse nor first");
        }
        if (mapping.sources().isEmpty()) {
            problem(key.then("sources"), null, "is missing: list where the rows come from");
        }
        for (int i = 0; i < mapping.sources().size(); i++) {
            source(table.get(), mapping.sources().get(i), key.then("sources", i));
        }
    }

    private void source(Table table, RowMapping source, ProfileKey key) {
        if ((source.from() == null) == source.rows().isEmpty()) {
            problem(key, null, "needs either from: (a file) or rows: (constant rows)");
            return;
        }
        if (source.from() == null) {
            for (int r = 0; r < source.rows().size(); r++) {
                Map<String, String> row = source.rows().get(r);
                row.keySet().forEach(c -> column(table, key.then("rows"), c));
                required(table, row.keySet(), key.then("rows", r));
            }
            return;
        }
        if (!profile.files().containsKey(source.from())) {
            problem(key.then("from"), source.from(), "is not a file of this profile (files:)");
            return;
        }
        condition(table, source.when(), key.then("when"), source.from(), false);
        Set<String> supplied = new HashSet<>(source.columns().keySet());
        source.columns().forEach((column, rule) -> {
            ProfileKey ruleKey = key.then("columns", column);
            if (column(table, key.then("columns"), column)) {
                rule(table, table.column(column).orElseThrow(), rule, ruleKey, source.from());
            }
        });
        Unpivot unpivot = source.unpivot();
        if (unpivot != null) {
            ProfileKey u = key.then("unpivot");
            if (unpivot.headers().isEmpty() || unpivot.headers().stream().anyMatch(h -> !h.contains("{label}"))) {
                problem(u.then("headers"), null, "needs header patterns with {label}");
            }
            if (column(table, u.then("label-column"), unpivot.labelColumn())
                    && column(table, u.then("value-column"), unpivot.valueColumn())) {
                supplied.add(unpivot.labelColumn());
                supplied.add(unpivot.valueColumn());
                maps(table.column(unpivot.labelColumn()).orElseThrow(), List.of(unpivot.map()), u.then("map"));
            }
        }
        required(table, supplied, key);
    }

    private void rule(Table table, Column column, ColumnRule rule, ProfileKey key, String file) {
        origin(rule.field(), rule.value(), rule.template(), rule.lookup(), key, file);
        transforms(rule.firstOfList(), rule.qualifier(), rule.lookup(), key, file);
        if (rule.convert() != null && !CONVERSIONS.contains(rule.convert())) {
            problem(key.then("convert"), rule.convert(), "is not one of " + String.join(", ", CONVERSIONS));
        }
        maps(column, rule.map(), key.then("map"));
        if (rule.value() != null && rule.map().isEmpty()) {
            code(column, rule.value(), key.then("value"));
        }
        if (rule.defaultValue() != null) {
            code(column, rule.defaultValue(), key.then("default"));
        }
        Fallback otherwise = rule.otherwise();
        if (otherwise != null) {
            ProfileKey o = key.then("otherwise");
            origin(otherwise.field(), otherwise.value(), otherwise.template(), otherwise.lookup(), o, file);
            transforms(otherwise.firstOfList(), otherwise.qualifier(), otherwise.lookup(), o, file);
            maps(column, otherwise.map(), o.then("map"));
        }
        condition(table, rule.when(), key.then("when"), file, true);
    }

    private void origin(String field, String value, String template, String lookup, ProfileKey key, String file) {
        int origins = (field == null ? 0 : 1) + (value == null ? 0 : 1) + (template == null ? 0 : 1);
        if (origins != 1) {
            problem(key, null, "needs exactly one of field:, value: and template:");
        }
        if (field != null) {
            field(key.then("field"), field, file);
        }
        if (template != null) {
            Matcher m = PLACEHOLDER.matcher(template);
            while (m.find()) {
                field(key.then("template"), m.group(1), file);
            }
        }
        if (lookup != null && value != null) {
            problem(key.then("lookup"), lookup, "looks up a constant; give field: instead");
        }
    }

    private void transforms(String firstOfList, String qualifier, String lookup, ProfileKey key, String file) {
        if (firstOfList != null && firstOfList.isEmpty()) {
            problem(key.then("first-of-list"), firstOfList, "is empty: give the separator, e.g. \";\"");
        }
        if (qualifier != null) {
            field(key.then("qualifier"), qualifier, file);
        }
        if (lookup != null && !profile.lookups().containsKey(lookup)) {
            problem(key.then("lookup"), lookup, "is not a lookup of this profile (lookups:)");
        }
    }

    private void condition(Table table, Condition when, ProfileKey key, String file, boolean columnsAllowed) {
        if (when == null) {
            return;
        }
        when.filled().forEach(f -> field(key.then("filled"), f, file));
        when.empty().forEach(f -> field(key.then("empty"), f, file));
        when.values().keySet().forEach(f -> field(key.then("values"), f, file));
        if (when.notFound() != null) {
            field(key.then("not-found", "field"), when.notFound().field(), file);
            if (!profile.lookups().containsKey(when.notFound().lookup())) {
                problem(key.then("not-found", "lookup"), when.notFound().lookup(),
                        "is not a lookup of this profile (lookups:)");
            }
        }
        if (!columnsAllowed && !when.columns().isEmpty()) {
            problem(key.then("columns"), null, "is for a column's when: only");
        }
        when.columns().keySet().forEach(c -> column(table, key.then("columns"), c));
    }

    /** The codes the last map of a chain gives must fit a coded column. */
    private void maps(Column column, List<String> maps, ProfileKey key) {
        for (int i = 0; i < maps.size(); i++) {
            String name = maps.get(i);
            SourceProfile.ValueMap map = profile.valueMaps().get(name);
            if (map == null) {
                problem(key, name, "is not a value map of this profile (value-maps:)");
                return;
            }
            if (i == maps.size() - 1) {
                ProfileKey mapKey = ProfileKey.of("value-maps", name);
                map.labels().forEach((label, code) -> code(column, code, mapKey.then("labels", label)));
                if (map.otherwise() != null) {
                    code(column, map.otherwise(), mapKey.then("otherwise"));
                }
            }
        }
    }

    private void code(Column column, String code, ProfileKey key) {
        if (column.type() == ColumnType.CODE && !column.codes().isEmpty() && code != null && !code.isEmpty()
                && !ValueMaps.SKIP.equals(code) && !column.codes().contains(code)) {
            problem(key, code, "is not a code of " + column.name() + " (" + String.join(", ", column.codes()) + ")");
        }
    }

    private void field(ProfileKey key, String field, String file) {
        if (field != null && !profile.files().get(file).columns().containsKey(field)) {
            problem(key, field, "is not a field under files." + file + ".columns");
        }
    }

    private boolean column(Table table, ProfileKey key, String column) {
        if (column == null || table.column(column).isEmpty()) {
            problem(key, column, "is not a column of " + table.name() + " (" + String.join(", ", table.columnNames())
                    + ")");
            return false;
        }
        return true;
    }

    private void required(Table table, Set<String> supplied, ProfileKey key) {
        for (Column column : table.columns()) {
            if (column.required() && !supplied.contains(column.name())) {
                problem(key, null, "gives no value for " + table.name() + "." + column.name() + ", which is required");
            }
        }
    }

    private void problem(ProfileKey key, String value, String what) {
        problems.add(key + (value == null ? "" : " = " + value) + " " + what + " (" + loaded.where(key) + ")");
    }
}

package io.kpipeline.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The value maps of a profile, ready to look labels up: case-insensitive, blanks collapsed, {@code *}
 * for any text. A label no map entry covers (and no {@code otherwise}) is unmapped: {@link #lookup}
 * returns null, and the caller reports it.
 */
final class ValueMaps {

    /** The code that drops the row. */
    static final String SKIP = "(skip)";

    private final Map<String, Compiled> maps = new HashMap<>();

    ValueMaps(Map<String, SourceProfile.ValueMap> definitions) {
        definitions.forEach((name, map) -> maps.put(name, new Compiled(map)));
    }

    /**
     * The code for {@code label} in map {@code name}, trying {@code "<qualifier>: <label>"} first when a qualifier
     * is given; {@code ""} for no value, {@link #SKIP}, or null when the label is not mapped.
     */
    String lookup(String name, String label, String qualifier) {
        Compiled map = maps.get(name);
        if (qualifier != null && !qualifier.isBlank()) {
            String code = map.find(normal(qualifier + ": " + label));
            if (code != null) {
                return code;
            }
        }
        String code = map.find(normal(label));
        return code != null ? code : map.otherwise;
    }

    private static final Pattern BLANKS = Pattern.compile("\\s+");

    /** A label as it is compared: stripped, runs of blanks as one space, lower case. Called per mapped cell. */
    static String normal(String label) {
        return BLANKS.matcher(label.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    private static final class Compiled {

        private final Map<String, String> exact = new HashMap<>();
        private final List<Map.Entry<Pattern, String>> patterns = new ArrayList<>();
        private final String otherwise;

        Compiled(SourceProfile.ValueMap map) {
            map.labels().forEach((label, code) -> {
                String value = code == null ? "" : code;
                String key = normal(label);
                if (key.contains("*")) {
                    StringBuilder regex = new StringBuilder();
                    for (String part : key.split("\\*", -1)) {
                        regex.append(Pattern.quote(part)).append(".*");
                    }
                    regex.setLength(regex.length() - 2);
                    patterns.add(Map.entry(Pattern.compile(regex.toString()), value));
                } else {
                    exact.putIfAbsent(key, value);
                }
            });
            this.otherwise = map.otherwise();
        }

        String find(String key) {
            String code = exact.get(key);
            if (code != null) {
                return code;
            }
            for (Map.Entry<Pattern, String> entry : patterns) {
                if (entry.getKey().matcher(key).matches()) {
                    return entry.getValue();
                }
            }
            return null;
        }
    }
}

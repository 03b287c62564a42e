package io.kpipeline.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A key of a profile file, such as {@code tables.deal.sources[0].columns.stage}: how a message names a
 * setting, and the path by which its line is found. Map keys that are labels ({@code "Closed Won"}) are
 * quoted.
 */
record ProfileKey(List<Object> segments) {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]+");

    ProfileKey {
        segments = List.copyOf(segments);
    }

    static ProfileKey of(Object... segments) {
        return new ProfileKey(List.of(segments));
    }

    /** This key followed by a map key (a String) or a list index (an Integer). */
    ProfileKey then(Object... more) {
        List<Object> all = new ArrayList<>(segments);
        all.addAll(List.of(more));
        return new ProfileKey(all);
    }

    /** The JSON pointer of the key, as the YAML parser reports positions. */
    String pointer() {
        StringBuilder pointer = new StringBuilder();
        for (Object segment : segments) {
            pointer.append('/').append(segment.toString().replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    @Override
    public String toString() {
        StringBuilder key = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                key.append('[').append(index).append(']');
            } else {
                String name = segment.toString();
                if (!key.isEmpty()) {
                    key.append('.');
                }
                key.append(PLAIN.matcher(name).matches() ? name : "\"" + name.replace("\"", "\\\"") + "\"");
            }
        }
        return key.toString();
    }
}

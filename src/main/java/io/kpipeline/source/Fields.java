package io.kpipeline.source;

import io.kpipeline.ingest.ImportProblem;
import java.util.List;
import java.util.stream.Collectors;

/** Finds a field's column in a header by its labels: case-insensitive, blanks collapsed. */
final class Fields {

    private Fields() {
    }

    /** The index of the first header label that is one of {@code labels}, or -1. */
    static int index(List<String> header, List<String> labels) {
        for (String label : labels) {
            String wanted = ValueMaps.normal(label);
            for (int i = 0; i < header.size(); i++) {
                if (ValueMaps.normal(header.get(i)).equals(wanted)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The refusal of a file that lacks a field the profile needs. */
    static ImportProblem missing(String file, String fileKey, String field, List<String> labels,
            SourceProfiles.Loaded loaded) {
        ProfileKey key = ProfileKey.of("files", fileKey, "columns", field);
        return new ImportProblem(file, 1, null, null, "no column for " + field + " (looked for "
                + labels.stream().map(l -> "\"" + l + "\"").collect(Collectors.joining(", ")) + ")",
                "Add the label your export uses under " + key + " (" + loaded.where(key) + "), or export that column.");
    }
}

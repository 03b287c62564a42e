package io.kpipeline.source;

import io.kpipeline.ingest.ImportProblem;
import io.kpipeline.ingest.ImportRefusedException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ids found by name, where an export names a related record instead of identifying it (Pipedrive's deals
 * name their organisation and contact person). An index is built on first use by reading the lookup's
 * file once; it holds one entry per name (names and ids only). A name that two rows with different ids
 * carry is ambiguous and found as nothing.
 */
final class Lookups {

    private static final String AMBIGUOUS = "\u0000ambiguous";

    private final SourceProfiles.Loaded loaded;
    private final SourceFiles files;
    private final Map<String, Map<String, String>> indexes = new HashMap<>();

    Lookups(SourceProfiles.Loaded loaded, SourceFiles files) {
        this.loaded = loaded;
        this.files = files;
    }

    /** Whether a value the lookup does not find is reported (rather than left to the column's otherwise). */
    boolean reportsMissing(String lookup) {
        return loaded.profile().lookups().get(lookup).reportsMissing();
    }

    /** The id for {@code name} by lookup {@code lookup}, or null when no row (or more than one) has that name. */
    String find(String lookup, String name) {
        String id = indexes.computeIfAbsent(lookup, this::index).get(ValueMaps.normal(name));
        return id == null || id.equals(AMBIGUOUS) ? null : id;
    }

    private Map<String, String> index(String name) {
        SourceProfile.Lookup lookup = loaded.profile().lookups().get(name);
        SourceProfile.SourceFile file = loaded.profile().files().get(lookup.file());
        List<Path> paths = files.of(lookup.file());
        if (paths.isEmpty()) {
            throw new ImportRefusedException(new ImportProblem(loaded.file().toString(), 0, null, null,
                    "lookups." + name + " finds ids by name in the " + lookup.file() + " export, but the directory has"
                            + " no file matching files." + lookup.file() + ".patterns",
                    "Put that export into the directory beside the others, or correct the pattern."));
        }
        Map<String, String> index = new HashMap<>();
        for (Path path : paths) {
            SourceSheets.read(path, files.dialect(lookup.file()), new SourceSheets.Handler() {
                private int[] keys;
                private int value = -1;

                @Override
                public void header(List<String> labels, io.kpipeline.ingest.Dialect dialect) {
                    value = column(labels, lookup.value());
                    keys = lookup.key().stream().mapToInt(k -> column(labels, k)).toArray();
                }

                private int column(List<String> labels, String field) {
                    int index = Fields.index(labels, file.columns().get(field));
                    if (index < 0) {
                        throw new ImportRefusedException(Fields.missing(path.getFileName().toString(), lookup.file(),
                                field, file.columns().get(field), loaded));
                    }
                    return index;
                }

                @Override
                public void record(long line, List<String> cells) {
                    String v = value < cells.size() ? cells.get(value).strip() : "";
                    for (int key : keys) {
                        String k = key < cells.size() ? cells.get(key).strip() : "";
                        if (!k.isEmpty() && !v.isEmpty()) {
                            index.merge(ValueMaps.normal(k), v, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
                        }
                    }
                }
            }, new long[1]);
        }
        return index;
    }
}

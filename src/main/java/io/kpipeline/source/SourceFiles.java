package io.kpipeline.source;

import io.kpipeline.ingest.Dialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files of an export directory by the profile's file keys: each file belongs to the first key (in
 * profile order) one of whose patterns matches its name, case-insensitively; files no key matches are
 * left alone and listed.
 */
final class SourceFiles {

    private final Map<String, List<Path>> byKey = new LinkedHashMap<>();
    private final Map<String, Dialect> dialects = new LinkedHashMap<>();
    private final List<Path> unmatched = new ArrayList<>();

    SourceFiles(SourceProfile profile, Path directory, Dialect resavedAs) {
        Map<String, List<PathMatcher>> matchers = new LinkedHashMap<>();
        profile.files().forEach((key, file) -> {
            List<PathMatcher> list = new ArrayList<>();
            for (String pattern : file.patterns()) {
                list.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern.toLowerCase(Locale.ROOT)));
            }
            matchers.put(key, list);
            byKey.put(key, new ArrayList<>());
            Dialect dialect = Dialects.of(profile.dialect(), file.dialect());
            dialects.put(key, resavedAs == null ? dialect : Dialects.resavedAs(dialect, resavedAs));
        });
        try (Stream<Path> listing = Files.list(directory)) {
            for (Path path : listing.filter(Files::isRegularFile).sorted().toList()) {
                String name = path.getFileName().toString();
                if (name.startsWith(".") || name.startsWith("~$")) {
                    continue;
                }
                Path lower = Path.of(name.toLowerCase(Locale.ROOT));
                String key = matchers.entrySet().stream()
                        .filter(e -> e.getValue().stream().anyMatch(m -> m.matches(lower)))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
                if (key == null) {
                    unmatched.add(path);
                } else {
                    byKey.get(key).add(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }

    /** The files of a key, sorted by name. */
    List<Path> of(String key) {
        return byKey.getOrDefault(key, List.of());
    }

    /** The dialect the files of a key are read in. */
    Dialect dialect(String key) {
        return dialects.get(key);
    }

    Map<String, List<Path>> all() {
        return byKey;
    }

    List<Path> unmatched() {
        return unmatched;
    }
}

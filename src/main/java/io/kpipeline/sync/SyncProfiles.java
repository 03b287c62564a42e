package io.kpipeline.sync;

import io.kpipeline.model.CanonicalModel;
import io.kpipeline.source.SourceProfiles;
import io.kpipeline.system.KpiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads sync profiles ({@code config/sources/<name>.yml} beside the file profiles, or a path) with unknown keys
 * refused, and checks them before anything is read: canonical table names, query files that exist and hold one
 * read-only statement ({@code SELECT} or {@code WITH}), a change query wherever {@code by-day} needs one.
 */
@Component
class SyncProfiles {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final Pattern COMMENTS = Pattern.compile("(?s)/\\*.*?\\*/|--[^\\n]*|#[^\\n]*");
    private static final Pattern READ_ONLY = Pattern.compile("(?is)(SELECT|WITH)\\b[^;]*;?\\s*");

    /** A checked profile with its queries' text. */
    record Loaded(String name, Path file, SyncProfile profile, ZoneId zone, Map<String, Query> queries) {
    }

    /** A query file and its text. */
    record Query(String file, String sql) {
    }

    Loaded load(String nameOrFile) {
        String lower = nameOrFile.toLowerCase(Locale.ROOT);
        boolean isFile = lower.endsWith(".yml") || lower.endsWith(".yaml");
        Path file = isFile ? Path.of(nameOrFile) : SourceProfiles.DIRECTORY.resolve(nameOrFile + ".yml");
        if (!Files.isRegularFile(file)) {
            throw KpiException.configuration("No sync profile " + nameOrFile + ": " + file + " does not exist. Name a"
                    + " profile of " + SourceProfiles.DIRECTORY + " (matomo, mautic, suitecrm) in"
                    + " kpi.sources.<name>.profile, or give the path of a profile file.");
        }
        SyncProfile profile;
        try {
            profile = MAPPER.readValue(Files.readString(file), SyncProfile.class);
        } catch (JacksonException e) {
            String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName()
                    : e.getOriginalMessage().lines().findFirst().orElse("");
            String line = e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNr();
            throw KpiException.configuration("The sync profile " + file + line + " cannot be read: " + message
                    + ". Correct the profile and run again.");
        } catch (IOException e) {
            throw KpiException.configuration("Cannot read the sync profile " + file + ": " + e.getMessage());
        }
        if (profile == null || profile.tables().isEmpty()) {
            throw KpiException.configuration("The sync profile " + file + " names no tables: add tables.<table>.query.");
        }
        List<String> problems = new ArrayList<>();
        ZoneId zone = ZoneId.of("UTC");
        if (profile.zone() != null) {
            try {
                zone = ZoneId.of(profile.zone());
            } catch (DateTimeException e) {
                problems.add("zone " + profile.zone() + " is not a time zone (write e.g. UTC or Europe/Berlin)");
            }
        }
        Map<String, Query> queries = new HashMap<>();
        Path directory = file.toAbsolutePath().getParent();
        profile.tables().forEach((table, mapping) -> {
            if (CanonicalModel.table(table).isEmpty()) {
                problems.add("tables." + table + ": no canonical table has this name (see the command tables)");
                return;
            }
            if (mapping.query() == null) {
                problems.add("tables." + table + ".query is missing");
            } else {
                read(directory, "tables." + table + ".query", mapping.query(), problems)
                        .ifPresent(q -> queries.put(table, q));
            }
            if (mapping.changes() != null) {
                read(directory, "tables." + table + ".changes", mapping.changes(), problems)
                        .ifPresent(q -> queries.put(table + "#changes", q));
            } else if (mapping.byDay()) {
                problems.add("tables." + table + ".by-day needs tables." + table + ".changes, the query that finds the"
                        + " days changed");
            }
        });
        if (!problems.isEmpty()) {
            throw KpiException.configuration("The sync profile " + file + " is not valid: " + String.join("; ", problems)
                    + ". Correct the profile and run again.");
        }
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return new Loaded(name, file, profile, zone, queries);
    }

    private static Optional<Query> read(Path directory, String key, String name, List<String> problems) {
        Path path = directory.resolve(name).normalize();
        if (!Files.isRegularFile(path)) {
            problems.add(key + " = " + name + ": there is no such file");
            return Optional.empty();
        }
        try {
            String sql = Files.readString(path);
            String code = COMMENTS.matcher(sql).replaceAll(" ").strip();
            if (!READ_ONLY.matcher(code).matches()) {
                problems.add(key + " = " + name + ": a query must be one SELECT (or WITH … SELECT) statement, it only"
                        + " reads");
                return Optional.empty();
            }
            return Optional.of(new Query(name, sql.strip().replaceFirst(";\\s*$", "")));
        } catch (IOException e) {
            problems.add(key + " = " + name + ": cannot be read (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }
}

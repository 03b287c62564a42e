package io.kpipeline.source;

import io.kpipeline.system.KpiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads source profiles from {@code config/sources/<name>.yml} (relative to the working directory, like
 * the rest of {@code config/}) or from a {@code .yml} file named by its path, binds them to
 * {@link SourceProfile} with unknown keys refused, and checks them ({@link ProfileCheck}). A problem
 * stops the command with one message naming the file, line, key and value.
 */
@Component
public class SourceProfiles {

    /** Where the shipped profiles are, relative to the working directory. */
    public static final Path DIRECTORY = Path.of("config", "sources");

    private static final Pattern SYNC_QUERY = Pattern.compile("(?m)^\\s+query:\\s");
    private static final Pattern EXPORT_FILES = Pattern.compile("(?m)^files:");
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();

    /** A profile with the file it was read from and the line of each of its keys. */
    record Loaded(String name, Path file, SourceProfile profile, Map<String, Integer> lines) {

        /** " (config/sources/hubspot.yml, line 12)" for a key. */
        String where(ProfileKey key) {
            Integer line = null;
            for (ProfileKey k = key; line == null && !k.segments().isEmpty();
                    k = new ProfileKey(k.segments().subList(0, k.segments().size() - 1))) {
                line = lines.get(k.pointer());
            }
            return file + (line == null ? "" : ", line " + line);
        }
    }

    /** The names of the profiles in {@code config/sources/}. */
    public List<String> available() {
        if (!Files.isDirectory(DIRECTORY)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yml")).filter(p -> !isSyncProfile(p))
                    .map(p -> p.getFileName().toString()).map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * The profile {@code nameOrFile}: a name of {@code config/sources/} or the path of a {@code .yml} file.
     *
     * @throws KpiException (a configuration problem) when it is missing or wrong
     */
    Loaded load(String nameOrFile) {
        String lower = nameOrFile.toLowerCase(Locale.ROOT);
        boolean isFile = lower.endsWith(".yml") || lower.endsWith(".yaml");
        Path file = isFile ? Path.of(nameOrFile) : DIRECTORY.resolve(nameOrFile + ".yml");
        if (!Files.isRegularFile(file)) {
            throw KpiException.configuration("No source profile " + nameOrFile + ": " + file + " does not exist."
                    + (isFile ? "" : " The profiles in " + DIRECTORY + " are "
                    + String.join(", ", available()) + "; or give the path of a profile file."));
        }
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw KpiException.configuration("Cannot read the source profile " + file + ": " + e.getMessage());
        }
        if (isSyncProfile(text)) {
            throw KpiException.configuration(file + " is a sync profile: it reads the system's database, not its"
                    + " exports. Configure kpi.sources." + name + " and run sync --source " + name
                    + " (see \"Nightly sync\" in the README).");
        }
        SourceProfile profile;
        Map<String, Integer> lines = Map.of();
        try {
            lines = lines(text);
            profile = MAPPER.readValue(text, SourceProfile.class);
        } catch (JacksonException e) {
            throw KpiException.configuration(describe(file, e, lines) + " Correct the profile and run again.");
        }
        if (profile == null) {
            throw KpiException.configuration("The source profile " + file + " is empty.");
        }
        Loaded loaded = new Loaded(name, file, profile, lines);
        List<String> problems = new ProfileCheck(loaded).problems();
        if (!problems.isEmpty()) {
            throw KpiException.configuration("The source profile " + file + " is not valid: "
                    + String.join("; ", problems) + ". Correct the profile and run again.");
        }
        return loaded;
    }

    /** Whether {@code file} is a sync profile, which sync reads; an unreadable file is none. */
    private static boolean isSyncProfile(Path file) {
        try {
            return isSyncProfile(Files.readString(file));
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether a profile's text is a sync profile's: tables read by queries, no export files. */
    private static boolean isSyncProfile(String text) {
        return SYNC_QUERY.matcher(text).find() && !EXPORT_FILES.matcher(text).find();
    }

    private static String describe(Path file, JacksonException e, Map<String, Integer> lines) {
        ProfileKey path = new ProfileKey(e.getPath().stream().map(r -> r.getPropertyName() != null
                ? (Object) r.getPropertyName() : (Object) r.getIndex()).toList());
        String key = path.toString();
        Integer line = lines.get(path.pointer());
        if (line == null && e.getLocation() != null) {
            line = e.getLocation().getLineNr();
        }
        String where = file + (line == null ? "" : ", line " + line);
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : "; known here: "
                    + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            return "Unknown key " + key + " in " + where + known + ".";
        }
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName()
                : e.getOriginalMessage().lines().findFirst().orElse("");
        return "The source profile " + where + (key.isEmpty() ? "" : ", key " + key) + " cannot be read: " + message
                + ".";
    }

    /** The line of every key of the YAML text, by its JSON pointer. */
    private static Map<String, Integer> lines(String text) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = MAPPER.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.PROPERTY_NAME || token.isScalarValue() || token.isStructStart()) {
                    String pointer = parser.streamReadContext().pathAsPointer().toString();
                    lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
                }
            }
        }
        return lines;
    }
}

package io.kpipeline.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Where the configuration is read from, whatever the working directory: the first of {@code --config DIR},
 * {@code KPI_CONFIG}, {@code $KPI_HOME/config} and {@code ./config} that exists. Each file of
 * {@link #FILES} in it replaces the shipped file of that name (the project's {@code config/}, inside the
 * jar), and a file it lacks is the shipped one; without any such directory the shipped files apply
 * throughout. A service started from another directory thus reads the same files as a shell in the
 * installation, and never silently runs without its targets.
 *
 * @param directory the directory, absolute; null when none exists
 * @param chosenBy  what named it, as the user wrote it: {@code --config}, {@code KPI_CONFIG},
 *                  {@code $KPI_HOME/config} or {@code ./config}
 */
public record ConfigDirectory(Path directory, String chosenBy) {

    /** The configuration files: the settings first, then the catalog, targets, benchmarks and measures. */
    public static final List<String> FILES = List.of("application.yml", "kpis.yml", "targets.yml", "benchmarks.yml",
            "measures.yml");

    /** The setting {@code --config DIR} becomes; {@code KPI_CONFIG} sets it too. */
    public static final String SETTING = "kpi.config";

    private static final String HOME = "kpi.home";
    private static final String SHIPPED = "classpath:/config/";

    /**
     * The directory named by the environment's {@code kpi.config} ({@code --config}, {@code KPI_CONFIG}), else
     * {@code <kpi.home>/config} when {@code kpi.home} ({@code KPI_HOME}) is given and that directory exists,
     * else {@code <working directory>/config} when it exists.
     *
     * @throws KpiException (configuration) when {@code kpi.config} names no directory
     */
    public static ConfigDirectory resolve(ConfigurableEnvironment environment, Path workingDirectory) {
        String named = environment.getProperty(SETTING);
        if (named != null && !named.isBlank()) {
            String by = givenAs(environment, SETTING, "--config", "KPI_CONFIG");
            Path directory = workingDirectory.resolve(named.strip()).toAbsolutePath().normalize();
            if (!Files.isDirectory(directory)) {
                throw KpiException.configuration("The configuration directory " + directory + " (" + by + ") "
                        + (Files.exists(directory) ? "is not a directory" : "does not exist") + ". Give the directory"
                        + " that holds application.yml and the other configuration files.");
            }
            return new ConfigDirectory(directory, by);
        }
        String home = environment.getProperty(HOME);
        if (home != null && !home.isBlank()) {
            Path directory = workingDirectory.resolve(home.strip()).resolve("config").toAbsolutePath().normalize();
            if (Files.isDirectory(directory)) {
                String by = givenAs(environment, HOME, "--kpi.home", "KPI_HOME");
                return new ConfigDirectory(directory, by.equals("KPI_HOME") ? "$KPI_HOME/config" : "config/ of " + by);
            }
        }
        Path local = workingDirectory.resolve("config").toAbsolutePath().normalize();
        return Files.isDirectory(local) ? new ConfigDirectory(local, "./config") : new ConfigDirectory(null, null);
    }

    /** The directory the command line's settings and the process's environment name, as {@link #resolve} finds it. */
    public static ConfigDirectory of(List<String> commandLineSettings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(
                new SimpleCommandLinePropertySource(commandLineSettings.toArray(String[]::new)));
        return resolve(environment, Path.of(""));
    }

    /** Whether the shipped defaults apply throughout because no configuration directory exists. */
    public boolean isShipped() {
        return directory == null;
    }

    /** The directory's copy of {@code file}, when it has one. */
    public Optional<Path> file(String file) {
        return directory == null ? Optional.empty()
                : Optional.of(directory.resolve(file)).filter(Files::isRegularFile);
    }

    /** Where Spring reads {@code file} from: the directory's copy, else the shipped one in the jar. */
    public String location(String file) {
        return file(file).map(path -> "file:" + path).orElse(SHIPPED + file);
    }

    /** The files the directory lacks, which the shipped ones stand in for. */
    public List<String> shipped() {
        return FILES.stream().filter(f -> file(f).isEmpty()).toList();
    }

    /**
     * The one line every command that reads the configuration prints first, e.g. "Configuration:
     * /etc/kpi-pipeline (KPI_CONFIG); shipped defaults for measures.yml".
     */
    public String describe() {
        if (directory == null) {
            return "Configuration: the shipped defaults (no --config, KPI_CONFIG, $KPI_HOME/config or ./config).";
        }
        List<String> shipped = shipped();
        return "Configuration: " + directory + " (" + chosenBy + ")"
                + (shipped.isEmpty() ? "" : "; shipped defaults for " + String.join(", ", shipped)) + ".";
    }

    /**
     * How the user gave a setting: {@code commandLine} when it came from the command line, {@code variable}
     * from the environment, else its name (a system property).
     */
    private static String givenAs(ConfigurableEnvironment environment, String key, String commandLine,
            String variable) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source.containsProperty(key)) {
                return switch (source.getName()) {
                    case "commandLineArgs" -> commandLine;
                    case StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME -> variable;
                    default -> key;
                };
            }
        }
        return key;
    }
}

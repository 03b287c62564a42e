package io.kpipeline.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points Spring Boot at the {@link ConfigDirectory} before it reads any configuration file: the built-in
 * {@code application.yml} of the jar, then the directory's {@code application.yml} (or the shipped one),
 * and the catalog, targets, benchmarks and measures from the directory (or shipped). Spring's own search of
 * the working directory is replaced, so the files read never depend on where the process was started.
 * Settings given as {@code spring.config.location} or {@code spring.config.additional-location} still win.
 * The directory in use becomes {@code kpi.config}. Each file is read as YAML first ({@link YamlSyntax}), so that
 * a syntax error names file, line and column.
 */
class ConfigLocations implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "kpi-config-locations";

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER - 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        ConfigDirectory config = ConfigDirectory.resolve(environment, Path.of(""));
        ConfigDirectory.FILES.forEach(file -> config.file(file).ifPresent(YamlSyntax::check));
        additionalFiles(environment).forEach(YamlSyntax::check);
        Map<String, Object> locations = new LinkedHashMap<>();
        // locations, not imports: spring.config.additional-location must still win over them
        locations.put("spring.config.location", "classpath:/application.yml," + ConfigDirectory.FILES.stream()
                .map(config::location).collect(Collectors.joining(",")));
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, locations));
        if (!config.isShipped()) {
            environment.getPropertySources().addFirst(new MapPropertySource("kpi-config-directory",
                    Map.of(ConfigDirectory.SETTING, config.directory().toString())));
        }
    }

    /** The YAML files of spring.config.additional-location that exist; Spring reports the others itself. */
    private static List<Path> additionalFiles(ConfigurableEnvironment environment) {
        String locations = environment.getProperty("spring.config.additional-location", "");
        return Arrays.stream(locations.split(",")).map(String::strip)
                .map(location -> location.replaceFirst("^optional:", "").replaceFirst("^file:", ""))
                .filter(location -> location.endsWith(".yml") || location.endsWith(".yaml"))
                .filter(location -> !location.contains(":")).map(Path::of).filter(Files::isRegularFile).toList();
    }
}

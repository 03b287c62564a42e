package io.kpipeline.system;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Passwords that never appear on a command line, where {@code ps} shows them to every local user:
 * {@code kpi.datasource.password-file} and {@code kpi.mail.password-file} name a file readable by its
 * owner only whose content becomes {@code spring.datasource.password} or {@code spring.mail.password},
 * and the environment variable {@code KPI_DB_PASSWORD} sets {@code spring.datasource.password} when
 * neither that setting nor the file is given. A file that others may read, or a password given both
 * as a setting and as a file, stops start-up with one line naming the setting.
 */
class PasswordSettings implements EnvironmentPostProcessor {

    static final String DATABASE_FILE = "kpi.datasource.password-file";
    static final String MAIL_FILE = "kpi.mail.password-file";
    static final String DATABASE_VARIABLE = "KPI_DB_PASSWORD";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> passwords = new HashMap<>();
        fromFile(environment, DATABASE_FILE, "spring.datasource.password", passwords);
        fromFile(environment, MAIL_FILE, "spring.mail.password", passwords);
        String variable = environment.getProperty(DATABASE_VARIABLE);
        if (variable != null && !passwords.containsKey("spring.datasource.password")
                && !environment.containsProperty("spring.datasource.password")) {
            passwords.put("spring.datasource.password", variable);
        }
        if (!passwords.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("kpi-passwords", passwords));
        }
    }

    private static void fromFile(ConfigurableEnvironment environment, String fileKey, String passwordKey,
            Map<String, Object> passwords) {
        String name = environment.getProperty(fileKey);
        if (name == null || name.isBlank()) {
            return;
        }
        String origin = Origins.of(environment, fileKey);
        if (environment.containsProperty(passwordKey)) {
            throw KpiException.configuration("setting " + fileKey + " = " + name + origin + " and " + passwordKey
                    + Origins.of(environment, passwordKey) + " both give a password. Keep one of them.");
        }
        passwords.put(passwordKey, PasswordFiles.read(Path.of(name), fileKey + " = " + name + origin));
    }
}

package io.kpipeline.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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
    private static final Set<PosixFilePermission> OTHERS_THAN_OWNER = EnumSet.complementOf(EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));

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
        passwords.put(passwordKey, read(Path.of(name), fileKey + " = " + name + origin));
    }

    private static String read(Path file, String setting) {
        try {
            if (PrivateFiles.isPosix(file)) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
                if (mode.stream().anyMatch(OTHERS_THAN_OWNER::contains)) {
                    throw KpiException.configuration("setting " + setting + ": the file may be read by others than"
                            + " its owner (" + PosixFilePermissions.toString(mode) + "). Make it the owner's alone"
                            + " (chmod 600 " + file + ") and run again.");
                }
            }
            String password = stripLineEnd(Files.readString(file, StandardCharsets.UTF_8));
            if (password.isEmpty()) {
                throw KpiException.configuration("setting " + setting + ": the file is empty. Write the password"
                        + " into it and run again.");
            }
            return password;
        } catch (NoSuchFileException e) {
            throw KpiException.configuration("setting " + setting + ": there is no such file. Correct the setting"
                    + " and run again.");
        } catch (IOException e) {
            throw KpiException.configuration("setting " + setting + ": the file cannot be read (" + e.getMessage()
                    + "). Correct the setting and run again.");
        }
    }

    /** The file's one line, without the line break an editor or {@code echo} adds. */
    private static String stripLineEnd(String content) {
        int end = content.length();
        while (end > 0 && (content.charAt(end - 1) == '\n' || content.charAt(end - 1) == '\r')) {
            end--;
        }
        return content.substring(0, end);
    }
}

package io.kpipeline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kpipeline.cli.Cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Passwords come from a file of the owner's alone or from the environment, never from the command line. */
class PasswordSettingsTests {

    @TempDir
    Path dir;

    @Test
    void passwordFilesOfTheOwnerAloneSetTheDatabaseAndMailPasswords() throws IOException {
        StandardEnvironment environment = environment(Map.of(
                "kpi.datasource.password-file", secret("db-password", "s3cret db\n", "rw-------").toString(),
                "kpi.mail.password-file", secret("mail-password", "smtp pass\r\n", "r--------").toString()));

        new PasswordSettings().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("s3cret db");
        assertThat(environment.getProperty("spring.mail.password")).isEqualTo("smtp pass");
    }

    @Test
    void kpiDbPasswordInTheEnvironmentSetsTheDatabasePasswordUnlessOneIsGiven() {
        StandardEnvironment environment = environment(Map.of());
        environment.getPropertySources().addLast(new SystemEnvironmentPropertySource("systemEnvironment",
                Map.of("KPI_DB_PASSWORD", "from the environment")));
        new PasswordSettings().postProcessEnvironment(environment, null);
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("from the environment");

        StandardEnvironment given = environment(Map.of("spring.datasource.password", "given"));
        given.getPropertySources().addLast(new SystemEnvironmentPropertySource("systemEnvironment",
                Map.of("KPI_DB_PASSWORD", "from the environment")));
        new PasswordSettings().postProcessEnvironment(given, null);
        assertThat(given.getProperty("spring.datasource.password")).isEqualTo("given");
    }

    @Test
    void aFileOthersMayReadIsRefusedNamingTheSettingAndTheFix() throws IOException {
        Path file = secret("db-password", "s3cret", "rw-r-----");
        StandardEnvironment environment = environment(Map.of("kpi.datasource.password-file", file.toString()));

        assertThatThrownBy(() -> new PasswordSettings().postProcessEnvironment(environment, null))
                .isInstanceOf(KpiException.class)
                .matches(e -> ((KpiException) e).isConfigurationProblem())
                .hasMessage("setting kpi.datasource.password-file = " + file + " (from test): the file may be read by"
                        + " others than its owner (rw-r-----). Make it the owner's alone (chmod 600 " + file
                        + ") and run again.");
    }

    @Test
    void aPasswordGivenAsSettingAndAsFileIsRefused() throws IOException {
        Path file = secret("mail-password", "a", "rw-------");
        StandardEnvironment environment = environment(Map.of("kpi.mail.password-file", file.toString(),
                "spring.mail.password", "b"));

        assertThatThrownBy(() -> new PasswordSettings().postProcessEnvironment(environment, null))
                .isInstanceOf(KpiException.class)
                .hasMessage("setting kpi.mail.password-file = " + file + " (from test) and spring.mail.password"
                        + " (from test) both give a password. Keep one of them.");
    }

    @Test
    void aMissingOrEmptyFileIsRefused() throws IOException {
        Path missing = dir.resolve("nothing");
        assertThatThrownBy(() -> new PasswordSettings().postProcessEnvironment(
                environment(Map.of("kpi.datasource.password-file", missing.toString())), null))
                .hasMessage("setting kpi.datasource.password-file = " + missing + " (from test): there is no such"
                        + " file. Correct the setting and run again.");
        Path empty = secret("empty", "\n", "rw-------");
        assertThatThrownBy(() -> new PasswordSettings().postProcessEnvironment(
                environment(Map.of("kpi.datasource.password-file", empty.toString())), null))
                .hasMessage("setting kpi.datasource.password-file = " + empty + " (from test): the file is empty."
                        + " Write the password into it and run again.");
    }

    @Test
    void onTheCommandLineAnOpenFileStopsTheProgramWithOneLineAndStatusTwo() throws IOException {
        Path file = secret("db-password", "s3cret", "rw-r--r--");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int status = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), "check-config",
                "--kpi.home=" + dir.resolve("home"), "--kpi.datasource.password-file=" + file);

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("Error: setting kpi.datasource.password-file = " + file
                + " (on the command line): the file may be read by others than its owner (rw-r--r--). Make it the"
                + " owner's alone (chmod 600 " + file + ") and run again." + System.lineSeparator());
    }

    private Path secret(String name, String content, String mode) throws IOException {
        Path file = Files.writeString(dir.resolve(name), content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    private static StandardEnvironment environment(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        return environment;
    }
}

package io.kpipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A timeout or deadline of 0 would make Jakarta Mail wait forever, a negative one is meaningless: every
 * command refuses them, naming key, value and where the value comes from.
 */
class DeliveryTimeSettingsTests {

    /** A scheduler name of their own, as in RecipientConfigurationTests: these contexts close after the command. */
    private static final String SCHEDULER = "--spring.quartz.scheduler-name=kpi-pipeline-config-tests";

    private final StringWriter err = new StringWriter();

    private int checkConfig(Path dir, String... settings) {
        String[] args = new String[settings.length + 3];
        args[0] = "check-config";
        args[1] = "--kpi.home=" + dir.resolve("home");
        args[2] = SCHEDULER;
        System.arraycopy(settings, 0, args, 3, settings.length);
        return Cli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
    }

    @Test
    void aTimeoutOfZeroIsRefused(@TempDir Path dir) {
        assertThat(checkConfig(dir, "--kpi.delivery.timeout=0s")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("Error: setting kpi.delivery.timeout = 0s must be more than 0"
                + " (on the command line). Correct the setting and run again." + System.lineSeparator());
    }

    @Test
    void aNegativeDeadlineIsRefused(@TempDir Path dir) {
        assertThat(checkConfig(dir, "--kpi.delivery.deadline=-1m")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("Error: setting kpi.delivery.deadline = -1m must be more than 0"
                + " (on the command line). Correct the setting and run again." + System.lineSeparator());
    }

    @Test
    void aDeadlineOfZeroInAFileNamesTheFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("application.yml");
        Files.writeString(file, "kpi:\n  delivery:\n    deadline: 0m\n");
        assertThat(checkConfig(dir, "--spring.config.additional-location=" + file)).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("Error: setting kpi.delivery.deadline = 0s must be more than 0 (in "
                + file + ", line 3). Correct the setting and run again." + System.lineSeparator());
    }
}

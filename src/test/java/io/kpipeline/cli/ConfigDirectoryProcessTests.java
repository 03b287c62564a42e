package io.kpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process started in another working directory (a service, a cron job) reads the configuration of
 * --config, else of KPI_CONFIG, else of $KPI_HOME/config, else the shipped defaults, and says which; it never
 * silently runs without targets because ./config is not where it runs.
 */
class ConfigDirectoryProcessTests {

    private static final String ONE_TARGET = """
            kpi-targets:
              targets:
                - kpi: win_rate
                  value: 0.3
                  owner: Head of Sales
                  deadline: 2027-06-30
            """;

    @TempDir
    Path dir;

    @Test
    void elsewhereTheConfigOptionGivesTheTargetsOfItsDirectory() throws Exception {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path config = Files.createDirectory(dir.resolve("etc-kpi"));
        Files.writeString(config.resolve("targets.yml"), ONE_TARGET);

        var checked = Processes.run(elsewhere, Map.of(), "check-config", "--config", config.toString(),
                "--kpi.home=" + dir.resolve("home"));

        assertThat(checked.status()).as(checked.output()).isZero();
        assertThat(checked.output()).contains("Configuration: " + config + " (--config); shipped defaults for"
                + " application.yml, kpis.yml, benchmarks.yml, measures.yml.")
                .contains("The configuration is valid: 75 KPIs (75 enabled), 1 targets, 27 benchmarks, 79 measures.");
    }

    @Test
    void withoutTheOptionTheConfigFolderOfKpiHomeAndElseTheShippedDefaultsApply() throws Exception {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path home = dir.resolve("home");
        Path config = Files.createDirectories(home.resolve("config"));
        Files.writeString(config.resolve("targets.yml"), ONE_TARGET);

        var fromHome = Processes.run(elsewhere, Map.of("KPI_HOME", home.toString()), "check-config");
        assertThat(fromHome.status()).as(fromHome.output()).isZero();
        assertThat(fromHome.output()).contains("Configuration: " + config + " ($KPI_HOME/config);")
                .contains(", 1 targets, ");

        var shipped = Processes.run(elsewhere, Map.of(), "check-config", "--kpi.home=" + dir.resolve("other-home"));
        assertThat(shipped.status()).as(shipped.output()).isZero();
        // the shipped config/ of the jar: its nine example targets
        assertThat(shipped.output()).contains("Configuration: the shipped defaults (no --config, KPI_CONFIG,"
                + " $KPI_HOME/config or ./config).").contains(", 9 targets, ");
    }

    @Test
    void kpiConfigNamesTheDirectoryWhenNoOptionDoes() throws Exception {
        Path config = Files.createDirectory(dir.resolve("etc-kpi"));
        Files.writeString(config.resolve("targets.yml"), ONE_TARGET);

        var checked = Processes.run(dir, Map.of("KPI_CONFIG", config.toString()), "check-config",
                "--kpi.home=" + dir.resolve("home"));

        assertThat(checked.status()).as(checked.output()).isZero();
        assertThat(checked.output()).contains("Configuration: " + config + " (KPI_CONFIG);").contains(", 1 targets, ");
    }
}

package io.kpipeline.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kpipeline.system.KpiException;
import io.kpipeline.system.KpiProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped sync profiles load; a profile whose query could write, or that misses a file, is refused. */
class SyncProfilesTests {

    private final SyncProfiles profiles = new SyncProfiles();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"matomo", "mautic", "suitecrm"})
    void everyShippedSyncProfileLoadsWithItsQueries(String name) {
        SyncProfiles.Loaded loaded = profiles.load(name);
        assertThat(loaded.profile().tables()).containsKey("channel");
        loaded.profile().tables().keySet().forEach(table -> assertThat(loaded.queries()).containsKey(table));
    }

    @Test
    void aConfiguredSourceWithoutProfileStopsTheStartNamingItsSetting() {
        SourceSettings settings = new SourceSettings(Map.of("erp", new SourceSettings.Source(
                "jdbc:mysql://localhost/erp", "reader", null, null, null, null, null, true)));
        SourceSync sync = new SourceSync(settings, profiles, null, null, null,
                new KpiProperties(Path.of("var"), null, ZoneId.of("Europe/Berlin"), "EUR",
                        null, null, 1));

        assertThatThrownBy(sync::afterPropertiesSet).isInstanceOf(KpiException.class)
                .hasMessageStartingWith("kpi.sources.erp: No sync profile erp: config/sources/erp.yml does not exist.");
    }

    @Test
    void aQueryThatIsNoSelectAndAMissingFileAreRefusedWithTheirKeys() throws IOException {
        Files.writeString(dir.resolve("write.sql"), "-- looks harmless\nDELETE FROM matomo_log_visit");
        Files.writeString(dir.resolve("two.sql"), "SELECT 1 AS code; DROP TABLE matomo_site");
        Path file = dir.resolve("bad.yml");
        Files.writeString(file, """
                name: Bad
                tables:
                  channel:
                    query: write.sql
                  web_traffic_daily:
                    query: two.sql
                    by-day: true
                  leads:
                    query: missing.sql
                """);

        assertThatThrownBy(() -> profiles.load(file.toString())).isInstanceOf(KpiException.class)
                .hasMessageContaining("tables.channel.query = write.sql: a query must be one SELECT")
                .hasMessageContaining("tables.web_traffic_daily.query = two.sql: a query must be one SELECT")
                .hasMessageContaining("tables.web_traffic_daily.by-day needs tables.web_traffic_daily.changes")
                .hasMessageContaining("tables.leads: no canonical table has this name");
    }
}

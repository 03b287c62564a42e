package io.kpipeline.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kpipeline.system.KpiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped profiles bind and pass the check; a wrong profile is refused naming file, line, key and value. */
class SourceProfilesTests {

    private final SourceProfiles profiles = new SourceProfiles();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"hubspot", "pipedrive", "salesforce"})
    void everyShippedProfileLoads(String name) {
        SourceProfiles.Loaded loaded = profiles.load(name);
        assertThat(loaded.profile().tables()).containsKeys("sales_rep", "account", "lead", "deal");
        assertThat(loaded.profile().notFilled()).containsKey("email_message");
    }

    @Test
    void theShippedProfilesAreListed() {
        assertThat(profiles.available()).contains("hubspot", "pipedrive", "salesforce")
                .doesNotContain("matomo", "mautic", "suitecrm");
    }

    @ParameterizedTest
    @ValueSource(strings = {"matomo", "mautic", "suitecrm"})
    void aSyncProfileNamedForAnImportPointsToTheSync(String name) {
        assertThatThrownBy(() -> profiles.load(name)).isInstanceOf(KpiException.class)
                .hasMessage("config/sources/" + name + ".yml is a sync profile: it reads the system's database, not its"
                        + " exports. Configure kpi.sources." + name + " and run sync --source " + name
                        + " (see \"Nightly sync\" in the README).");
    }

    @Test
    void anUnknownKeyIsRefusedWithFileAndLine() throws IOException {
        Path file = write("""
                name: Test
                files:
                  deals:
                    patterns: ["*.csv"]
                    colums:
                      id: [ID]
                """);
        assertThatThrownBy(() -> profiles.load(file.toString())).isInstanceOf(KpiException.class)
                .hasMessageStartingWith("Unknown key files.deals.colums in " + file + ", line 5; known here: ")
                .hasMessageContaining("columns");
    }

    @Test
    void aValueMapThatDoesNotExistAndACodeThatIsNoneAreNamedWithTheirKeysAndLines() throws IOException {
        Path file = write("""
                name: Test
                files:
                  deals:
                    patterns: ["*.csv"]
                    columns:
                      id: [ID]
                      stage: [Stage]
                value-maps:
                  stage:
                    labels:
                      Won: WONN
                tables:
                  deal:
                    sources:
                      - from: deals
                        columns:
                          id: id
                          stage: {field: stage, map: stages}
                """);
        assertThatThrownBy(() -> profiles.load(file.toString())).isInstanceOf(KpiException.class)
                .hasMessageContaining("tables.deal.sources[0].columns.stage.map = stages is not a value map of this"
                        + " profile (value-maps:) (" + file + ", line 18)")
                .hasMessageContaining("tables.deal.sources[0] gives no value for deal.lead_id, which is required ("
                        + file + ", line 15)");
    }

    @Test
    void aLabelMappedToACodeTheColumnDoesNotHaveIsRefused() throws IOException {
        Path file = write("""
                files:
                  deals:
                    patterns: ["*.csv"]
                    columns: {id: [ID], stage: [Stage], lead: [Lead], account: [Account], created: [Created]}
                value-maps:
                  stage:
                    labels:
                      "Closed Won": WONN
                tables:
                  deal:
                    sources:
                      - from: deals
                        columns:
                          id: id
                          lead_id: lead
                          account_id: account
                          created_at: created
                          stage: {field: stage, map: stage}
                          status: {value: OPEN}
                          amount: {value: "0"}
                """);
        assertThatThrownBy(() -> profiles.load(file.toString())).isInstanceOf(KpiException.class)
                .hasMessage("The source profile " + file + " is not valid: value-maps.stage.labels.\"Closed Won\" = WONN"
                        + " is not a code of stage (SQL, FIRST_MEETING, SECOND_MEETING, OFFER, CONTRACT_SENT, WON, LOST) ("
                        + file + ", line 8). Correct the profile and run again.");
    }

    @Test
    void aMissingProfileNamesTheShippedOnes() {
        assertThatThrownBy(() -> profiles.load("hubspt")).isInstanceOf(KpiException.class)
                .hasMessageContaining("config/sources/hubspt.yml does not exist")
                .hasMessageContaining("hubspot, pipedrive, salesforce");
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("test.yml");
        Files.writeString(file, text);
        return file;
    }
}

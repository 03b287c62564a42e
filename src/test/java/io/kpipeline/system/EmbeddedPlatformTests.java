package io.kpipeline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class EmbeddedPlatformTests {

    @Test
    void linuxOnX8664RunsTheBundledServer() {
        assertThatCode(() -> new EmbeddedPlatform("Linux", "amd64").requireSupported()).doesNotThrowAnyException();
        assertThat(new EmbeddedPlatform("Linux", "x86_64").supported()).isTrue();
    }

    @Test
    void anotherSystemOrArchitectureIsAConfigurationErrorThatShowsTheWayToAnExternalServer() {
        for (EmbeddedPlatform other : new EmbeddedPlatform[] {new EmbeddedPlatform("Mac OS X", "aarch64"),
                new EmbeddedPlatform("Windows 11", "amd64"), new EmbeddedPlatform("Linux", "aarch64")}) {
            KpiException refused = catchThrowableOfType(KpiException.class, other::requireSupported);
            assertThat(refused.isConfigurationProblem()).isTrue();
            assertThat(refused.getMessage()).as(other.toString())
                    .startsWith("The embedded database server runs on Linux x86-64 only, not on " + other.osName() + " "
                            + other.osArch() + ".")
                    .contains("--spring.datasource.url=jdbc:mysql://HOST:3306/kpi", "KPI_DB_PASSWORD")
                    .doesNotContain("\n");
        }
    }
}

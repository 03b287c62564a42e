package io.kpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.system.KpiException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import org.junit.jupiter.api.Test;

/** What the one line of a failure says, and whether --verbose would add anything. */
class FailureTests {

    @Test
    void aConfigurationErrorIsItsLineAloneEvenWithACause() {
        Failure failure = Failure.of(KpiException.configuration("permission denied: /srv/kpi, a part of kpi.home",
                new AccessDeniedException("/srv/kpi")));

        assertThat(failure.message()).isEqualTo("permission denied: /srv/kpi, a part of kpi.home");
        assertThat(failure.exitCode()).isEqualTo(Failure.USAGE);
        assertThat(failure.hasDetails()).isFalse();
    }

    @Test
    void aFailureWithACauseOffersTheTrace() {
        Failure failure = Failure.of(new KpiException("The import failed", new IOException("disk full")));

        assertThat(failure.exitCode()).isEqualTo(Failure.FAILED);
        assertThat(failure.hasDetails()).isTrue();
    }
}

package io.kpipeline.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The owner recorded with a run reads back from the text every version wrote, {@code host/pid/start[/instance]},
 * and writes the same text again.
 */
class RunOwnerTests {

    @Test
    void aManualRunsOwnerIsHostPidAndProcessStart() {
        RunOwner owner = RunOwner.parse("kpi-1/4242/1700000000000").orElseThrow();

        assertThat(owner).isEqualTo(new RunOwner("kpi-1", 4242, 1_700_000_000_000L, null));
        assertThat(owner.text()).isEqualTo("kpi-1/4242/1700000000000");
        assertThat(RunOwner.describe(owner)).isEqualTo("process 4242 on host kpi-1");
    }

    @Test
    void aSchedulersOwnerNamesItsInstanceToo() {
        RunOwner owner = RunOwner.parse("kpi-2/77/0/kpi-21700000000123").orElseThrow();

        // a start time of 0: the system did not tell it
        assertThat(owner).isEqualTo(new RunOwner("kpi-2", 77, 0, "kpi-21700000000123"));
        assertThat(owner.text()).isEqualTo("kpi-2/77/0/kpi-21700000000123");
    }

    @Test
    void aRunWithoutAnOwnerOrWithTextOfAnotherFormHasNone() {
        assertThat(RunOwner.parse(null)).isEmpty();
        assertThat(RunOwner.parse("kpi-1/4242")).isEmpty();
        assertThat(RunOwner.parse("kpi-1/pid/1700000000000")).isEmpty();
        assertThat(RunOwner.parse("/4242/1700000000000")).isEmpty();
        assertThat(RunOwner.parse("kpi-1/4242/1700000000000/")).isEmpty();
        assertThat(RunOwner.describe(null)).isEqualTo("an earlier version of the pipeline");
    }
}

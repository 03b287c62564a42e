package io.kpipeline.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The embedded servers the tests start themselves: their binaries are unpacked once, into the directory
 * the build gives every test server ({@code kpi.embedded.binaries}, see the pom), instead of once per
 * server directory.
 */
public final class TestServers {

    /** The binaries' directory shared by every server of the test run. */
    public static final Path BINARIES = Path.of(System.getProperty("kpi.embedded.binaries", "target/mariadb"));

    private TestServers() {
    }

    /** A server in {@code dir} with a small buffer pool, waiting up to {@code lockWait} for its directory. */
    public static EmbeddedMariaDb start(Path dir, Duration lockWait) {
        return EmbeddedMariaDb.start(dir, lockWait, "64M", BINARIES);
    }

    /** {@link #start(Path, Duration)} with further server options, such as a binary log. */
    public static EmbeddedMariaDb start(Path dir, Duration lockWait, String... options) {
        return EmbeddedMariaDb.start(dir, lockWait, "64M", BINARIES, List.of(options));
    }
}

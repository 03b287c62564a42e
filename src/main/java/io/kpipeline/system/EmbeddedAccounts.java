package io.kpipeline.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The accounts of the embedded server: {@code kpi}, the pipeline's, with all privileges on the
 * database {@code kpi} and none on files or other databases, reachable over TCP with the password in
 * {@code <dir>/kpi.password} (mode 600); and {@code root}, reachable only through the server's socket
 * by the operating system's root ({@code unix_socket}). They are set up once per directory, by an init
 * file the server runs with all privileges at the start where the password file does not exist yet:
 * a new directory, one an earlier release created with the grant tables skipped, or one whose password
 * file was deleted to set a new password.
 */
final class EmbeddedAccounts {

    static final String USER = "kpi";
    private static final String PASSWORD_FILE = "kpi.password";
    private static final String PASSWORD_CHARACTERS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /**
     * Removes every account but root and the system's definer (an earlier release's installation left
     * anonymous accounts, the test database open to all and the installing user's socket account), then
     * creates the pipeline's account. Direct changes of the grant tables, as
     * {@code mariadb-secure-installation} makes them, since an init file takes no stored procedures;
     * a statement ends where a line ends with ";".
     */
    private static final String SECURE_ACCOUNTS = """
            DELETE FROM mysql.global_priv
              WHERE JSON_VALUE(priv, '$.is_role') IS NULL
                AND NOT ((user = 'root' AND host = 'localhost') OR (user = 'mariadb.sys' AND host = 'localhost'));
            DELETE FROM mysql.db WHERE user = 'PUBLIC' OR (user, host) NOT IN (SELECT user, host FROM mysql.global_priv);
            DELETE FROM mysql.tables_priv WHERE (user, host) NOT IN (SELECT user, host FROM mysql.global_priv);
            DELETE FROM mysql.columns_priv WHERE (user, host) NOT IN (SELECT user, host FROM mysql.global_priv);
            DELETE FROM mysql.procs_priv WHERE (user, host) NOT IN (SELECT user, host FROM mysql.global_priv);
            DELETE FROM mysql.proxies_priv WHERE NOT (user = 'root' AND host = 'localhost');
            DELETE FROM mysql.roles_mapping WHERE (user, host) NOT IN (SELECT user, host FROM mysql.global_priv);
            FLUSH PRIVILEGES;
            CREATE USER 'kpi'@'127.0.0.1' IDENTIFIED BY '%s';
            GRANT ALL PRIVILEGES ON `kpi`.* TO 'kpi'@'127.0.0.1';
            ALTER USER IF EXISTS 'root'@'localhost' IDENTIFIED VIA unix_socket;
            """;

    private final Path passwordFile;
    private final String password;
    private final boolean established;

    private EmbeddedAccounts(Path passwordFile, String password, boolean established) {
        this.passwordFile = passwordFile;
        this.password = password;
        this.established = established;
    }

    /** The accounts of the server in {@code dir}: established, or to be set up with a new password. */
    static EmbeddedAccounts in(Path dir) throws IOException {
        Path file = dir.resolve(PASSWORD_FILE);
        if (!Files.exists(file)) {
            return new EmbeddedAccounts(file, newPassword(), false);
        }
        if (PrivateFiles.isPosix(file)) {
            PrivateFiles.setMode(file, PrivateFiles.OWNER_FILE);
        }
        return new EmbeddedAccounts(file, Files.readString(file, StandardCharsets.US_ASCII).strip(), true);
    }

    /** Whether the accounts are set up already, so that the server's files need no closing either. */
    boolean established() {
        return established;
    }

    String password() {
        return password;
    }

    Path passwordFile() {
        return passwordFile;
    }

    /**
     * Writes the init file that sets the accounts up into {@code folder} (the owner's alone), for
     * {@code --init-file}; delete it once the server has started.
     */
    Path writeInitFile(Path folder) throws IOException {
        Path file = folder.resolve("secure-accounts.sql");
        PrivateFiles.write(file, SECURE_ACCOUNTS.formatted(password).getBytes(StandardCharsets.US_ASCII));
        return file;
    }

    /**
     * Connects as the pipeline once, and keeps a new password only then: a directory whose accounts do
     * not match the password file (a data directory restored from elsewhere, a failed first start) stops
     * here with what to do.
     */
    void confirm(String jdbcUrl, Path dir) throws IOException {
        Properties account = new Properties();
        account.setProperty("user", USER);
        account.setProperty("password", password);
        account.setProperty("connectTimeout", "10000");
        try (Connection connection = DriverManager.getConnection(jdbcUrl, account)) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw new KpiException(established
                    ? "The embedded database in " + dir + " refuses the password in " + passwordFile + " ("
                            + e.getMessage() + "). Delete that file and start again: the next start sets a new"
                            + " password for the pipeline's account."
                    : "The embedded database in " + dir + " did not set up the pipeline's account ("
                            + e.getMessage() + "). Start again; if it fails again, move the directory away"
                            + " and import your data again.", e);
        }
        if (!established) {
            // whole or not at all: a half-written file would lock the pipeline out
            Path partial = passwordFile.resolveSibling(PASSWORD_FILE + ".partial");
            PrivateFiles.write(partial, (password + "\n").getBytes(StandardCharsets.US_ASCII));
            Files.move(partial, passwordFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String newPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            password.append(PASSWORD_CHARACTERS.charAt(random.nextInt(PASSWORD_CHARACTERS.length())));
        }
        return password.toString();
    }
}

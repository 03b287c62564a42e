package io.kpipeline.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * A password kept in a file only its owner may read ({@code chmod 600}), so that it never appears on a
 * command line: the database's, the mail server's and each source database's ({@code
 * kpi.sources.<name>.password-file}). A file others may read, an empty or missing one is refused with one
 * line naming the setting.
 */
public final class PasswordFiles {

    private static final Set<PosixFilePermission> OTHERS_THAN_OWNER = EnumSet.complementOf(EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));

    private PasswordFiles() {
    }

    /**
     * The password in {@code file}, without the line break an editor or {@code echo} adds.
     *
     * @param setting how the message names the setting, e.g. {@code kpi.sources.matomo.password-file = … (file, line)}
     * @throws KpiException (a configuration problem) when the file is missing, empty or readable by others
     */
    public static String read(Path file, String setting) {
        try {
            if (PrivateFiles.isPosix(file)) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
                if (mode.stream().anyMatch(OTHERS_THAN_OWNER::contains)) {
                    throw KpiException.configuration("setting " + setting + ": the file may be read by others than"
                            + " its owner (" + PosixFilePermissions.toString(mode) + "). Make it the owner's alone"
                            + " (chmod 600 " + file + ") and run again.");
                }
            }
            String password = stripLineEnd(Files.readString(file, StandardCharsets.UTF_8));
            if (password.isEmpty()) {
                throw KpiException.configuration("setting " + setting + ": the file is empty. Write the password"
                        + " into it and run again.");
            }
            return password;
        } catch (NoSuchFileException e) {
            throw KpiException.configuration("setting " + setting + ": there is no such file. Correct the setting"
                    + " and run again.");
        } catch (IOException e) {
            throw KpiException.configuration("setting " + setting + ": the file cannot be read (" + e.getMessage()
                    + "). Correct the setting and run again.");
        }
    }

    private static String stripLineEnd(String content) {
        int end = content.length();
        while (end > 0 && (content.charAt(end - 1) == '\n' || content.charAt(end - 1) == '\r')) {
            end--;
        }
        return content.substring(0, end);
    }
}

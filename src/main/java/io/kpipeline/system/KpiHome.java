package io.kpipeline.system;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code $KPI_HOME}, made private at every start: the directory itself is 700 (750 with
 * {@code kpi.files.group-readable}), and the reports and the outbox in it, written by this or an
 * earlier release, get 700/600 (750/640). The embedded database's directory is always the owner's
 * alone ({@link EmbeddedMariaDb}). Only these known folders are changed, never other files a user
 * keeps in the directory, and symbolic links are not followed.
 *
 * @param directory the absolute home directory
 */
public record KpiHome(Path directory) {

    /** The folders the pipeline writes into, whose modes follow the setting. */
    static final List<String> SHARED_FOLDERS = List.of("reports", "outbox");

    static KpiHome prepare(Path home, boolean groupReadable) {
        Path directory = home.toAbsolutePath().normalize();
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw KpiException.configuration("kpi.home (KPI_HOME) " + directory + " is a file, not a directory."
                    + " Set kpi.home to a directory of the user who runs the pipeline; it is created when missing.");
        }
        try {
            PrivateFiles.createDirectories(directory);
            if (!PrivateFiles.isPosix(directory)) {
                return new KpiHome(directory);
            }
            PrivateFiles.setMode(directory,
                    groupReadable ? PrivateFiles.GROUP_DIRECTORY : PrivateFiles.OWNER_DIRECTORY);
            for (String folder : SHARED_FOLDERS) {
                PrivateFiles.restrictTree(directory.resolve(folder), groupReadable);
            }
            Path db = directory.resolve("db");
            if (Files.isDirectory(db, LinkOption.NOFOLLOW_LINKS)) {
                PrivateFiles.setMode(db, PrivateFiles.OWNER_DIRECTORY);
            }
        } catch (AccessDeniedException e) {
            throw KpiException.configuration("permission denied: " + e.getFile() + ", a part of kpi.home (KPI_HOME) "
                    + directory + ". It must belong to the user who runs the pipeline (chown -R that user "
                    + directory + "), or set kpi.home to a directory of its own.", e);
        } catch (IOException e) {
            throw new KpiException("Cannot make the home directory " + directory + " private ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "). It and the files in it must belong"
                    + " to the user who runs the pipeline (chown -R that user " + directory + "), or set kpi.home"
                    + " (KPI_HOME) to a directory of its own.", e);
        }
        return new KpiHome(directory);
    }
}

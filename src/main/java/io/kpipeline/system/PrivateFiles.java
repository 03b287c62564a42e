package io.kpipeline.system;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Creates the pipeline's directories and files with explicit permissions, since Java cannot set the
 * process umask: owner only (700 and 600), or readable by the group as well (750 and 640) when the
 * directory they are created in is shared with its group and closed to others, as {@link KpiHome}
 * makes {@code $KPI_HOME} with {@code kpi.files.group-readable}. Nothing is ever opened to others, and
 * existing directories keep their modes. On file systems without POSIX permissions the files are
 * written as usual.
 */
public final class PrivateFiles {

    static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> GROUP_DIRECTORY = PosixFilePermissions.fromString("rwxr-x---");
    static final Set<PosixFilePermission> GROUP_FILE = PosixFilePermissions.fromString("rw-r-----");
    private static final int SET_GROUP_ID = 02000;
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFiles() {
    }

    /** Creates {@code dir} and its missing parents, each with the mode it inherits (see the class). */
    public static Path createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute) || !isPosix(absolute)) {
            return Files.createDirectories(dir);
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        Set<PosixFilePermission> mode = groupShared(parent) ? GROUP_DIRECTORY : OWNER_DIRECTORY;
        try {
            Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
        } catch (FileAlreadyExistsException e) {
            if (Files.isDirectory(absolute)) {
                return dir;
            }
            throw e;
        }
        setMode(absolute, mode);
        return dir;
    }

    /** Creates or replaces {@code file} with {@code bytes}, creating its directory. */
    public static void write(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = newOutputStream(file)) {
            out.write(bytes);
        }
    }

    /** A UTF-8 writer that creates or truncates {@code file}, creating its directory. */
    public static BufferedWriter newWriter(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(newOutputStream(file), StandardCharsets.UTF_8.newEncoder()));
    }

    /**
     * A stream that creates or truncates {@code file}, creating its directory. A symbolic link in the
     * file's place is refused rather than followed.
     */
    public static OutputStream newOutputStream(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        createDirectories(parent);
        if (!isPosix(absolute)) {
            return Files.newOutputStream(file);
        }
        Set<PosixFilePermission> mode = groupShared(parent) ? GROUP_FILE : OWNER_FILE;
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS);
        FileChannel channel = FileChannel.open(absolute, options, PosixFilePermissions.asFileAttribute(OWNER_FILE));
        try {
            // An existing file keeps its mode through a truncation; a new one had the umask applied.
            setMode(absolute, mode);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return Channels.newOutputStream(channel);
    }

    /** The attribute that creates a file readable by its owner only, for callers that open files themselves. */
    static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(OWNER_FILE);
    }

    /**
     * Sets {@code dir} itself and every directory and regular file below it to the given modes (files
     * the owner may execute keep that), without following symbolic links: for trees the pipeline owns.
     */
    static void restrictTree(Path dir, boolean groupReadable) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !isPosix(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) entries::iterator) {
                PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                Set<PosixFilePermission> mode;
                if (attributes.isDirectory()) {
                    mode = groupReadable ? GROUP_DIRECTORY : OWNER_DIRECTORY;
                } else if (attributes.isRegularFile()) {
                    mode = EnumSet.copyOf(groupReadable ? GROUP_FILE : OWNER_FILE);
                    if (attributes.permissions().contains(PosixFilePermission.OWNER_EXECUTE)) {
                        mode.add(PosixFilePermission.OWNER_EXECUTE);
                        if (groupReadable) {
                            mode.add(PosixFilePermission.GROUP_EXECUTE);
                        }
                    }
                } else {
                    continue;
                }
                if (!attributes.permissions().equals(mode)) {
                    setMode(path, mode);
                }
            }
        }
    }

    /**
     * Sets the mode of a directory or file without following a symbolic link. A directory keeps its
     * set-group-ID bit, with which an administrator makes the files in it take the directory's group.
     */
    static void setMode(Path path, Set<PosixFilePermission> mode) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            int current = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            if ((current & SET_GROUP_ID) != 0 && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                Files.setAttribute(path, "unix:mode", bits(mode) | SET_GROUP_ID, LinkOption.NOFOLLOW_LINKS);
                return;
            }
        }
        Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setPermissions(mode);
    }

    /** The permissions as the bits of a Unix mode: OWNER_READ is 0400, ..., OTHERS_EXECUTE 0001. */
    private static int bits(Set<PosixFilePermission> mode) {
        int bits = 0;
        for (PosixFilePermission permission : mode) {
            bits |= 0400 >> permission.ordinal();
        }
        return bits;
    }

    static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Whether {@code dir} lets its group in (read and search) and keeps everyone else out. */
    private static boolean groupShared(Path dir) throws IOException {
        if (dir == null) {
            return false;
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir);
        return mode.contains(PosixFilePermission.GROUP_READ) && mode.contains(PosixFilePermission.GROUP_EXECUTE)
                && mode.stream().noneMatch(OTHERS::contains);
    }
}

package io.kpipeline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directories and files the pipeline creates are its user's alone, or its group's too where the home is shared. */
class PrivateFilesTests {

    @TempDir
    Path dir;

    @Test
    void belowADirectoryOthersMayEnterTheyAreTheOwnersAlone() throws IOException {
        chmod(dir, "rwxr-xr-x");
        PrivateFiles.write(dir.resolve("reports/weekly/report.pdf"), new byte[] {1, 2});
        try (Writer csv = PrivateFiles.newWriter(dir.resolve("reports/weekly/kpi-results.csv"))) {
            csv.write("kpi_id\n");
        }

        assertThat(mode(dir.resolve("reports"))).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("reports/weekly"))).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("reports/weekly/report.pdf"))).isEqualTo("rw-------");
        assertThat(mode(dir.resolve("reports/weekly/kpi-results.csv"))).isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("reports/weekly/kpi-results.csv"))).isEqualTo("kpi_id\n");
    }

    @Test
    void belowADirectorySharedWithItsGroupAloneTheGroupMayReadThem() throws IOException {
        chmod(dir, "rwxr-x---");
        PrivateFiles.write(dir.resolve("outbox/message.eml"), "Subject: x".getBytes(StandardCharsets.UTF_8));

        assertThat(mode(dir.resolve("outbox"))).isEqualTo("rwxr-x---");
        assertThat(mode(dir.resolve("outbox/message.eml"))).isEqualTo("rw-r-----");
    }

    @Test
    void aFileOthersCouldReadIsClosedWhenItIsWrittenAgain() throws IOException {
        Path file = dir.resolve("kpi-results.csv");
        Files.writeString(file, "an earlier release's results, longer than the new ones");
        chmod(file, "rw-r--r--");

        PrivateFiles.write(file, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(Files.readString(file)).isEqualTo("new");
    }

    @Test
    void aSymbolicLinkInAFilesPlaceIsRefusedNotFollowed() throws IOException {
        Path elsewhere = Files.writeString(dir.resolve("elsewhere.txt"), "keep");
        chmod(elsewhere, "rw-r--r--");
        Path link = Files.createSymbolicLink(dir.resolve("report.pdf"), elsewhere);

        assertThatThrownBy(() -> PrivateFiles.write(link, new byte[] {1})).isInstanceOf(IOException.class);
        assertThat(Files.readString(elsewhere)).isEqualTo("keep");
        assertThat(mode(elsewhere)).isEqualTo("rw-r--r--");
    }

    @Test
    void theHomeOfAnEarlierReleaseIsClosedAndItsReportsAndOutboxFollowTheSetting() throws IOException {
        Path home = dir.resolve("var");
        Path csv = home.resolve("reports/weekly/2026-W44/kpi-results.csv");
        Path eml = home.resolve("outbox/weekly-2026-W44-report-a@example.com.eml");
        Path notes = home.resolve("notes.txt");
        for (Path file : new Path[] {csv, eml, notes}) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "x");
            chmod(file, "rw-r--r--");
        }
        Files.createDirectories(home.resolve("db"));
        for (Path folder : new Path[] {home, home.resolve("db"), home.resolve("reports"), csv.getParent()}) {
            chmod(folder, "rwxr-xr-x");
        }

        KpiHome prepared = KpiHome.prepare(home, false);

        assertThat(prepared.directory()).isEqualTo(home.toAbsolutePath());
        assertThat(mode(home)).isEqualTo("rwx------");
        assertThat(mode(home.resolve("db"))).isEqualTo("rwx------");
        assertThat(mode(home.resolve("reports"))).isEqualTo("rwx------");
        assertThat(mode(csv.getParent())).isEqualTo("rwx------");
        assertThat(mode(csv)).isEqualTo("rw-------");
        assertThat(mode(eml)).isEqualTo("rw-------");
        assertThat(mode(notes)).as("a file of the user's own").isEqualTo("rw-r--r--");

        KpiHome.prepare(home, true);

        assertThat(mode(home)).isEqualTo("rwxr-x---");
        assertThat(mode(home.resolve("db"))).as("the database stays the owner's").isEqualTo("rwx------");
        assertThat(mode(csv.getParent())).isEqualTo("rwxr-x---");
        assertThat(mode(csv)).isEqualTo("rw-r-----");
        assertThat(mode(eml)).isEqualTo("rw-r-----");
        PrivateFiles.write(home.resolve("reports/monthly/2026-10/management-report.pdf"), new byte[] {1});
        assertThat(mode(home.resolve("reports/monthly/2026-10"))).isEqualTo("rwxr-x---");
        assertThat(mode(home.resolve("reports/monthly/2026-10/management-report.pdf"))).isEqualTo("rw-r-----");
    }

    @Test
    void aHomeWhoseNewFilesTakeItsGroupKeepsThatBit() throws IOException {
        Path home = Files.createDirectories(dir.resolve("shared"));
        Files.setAttribute(home, "unix:mode", 02755);

        KpiHome.prepare(home, true);
        PrivateFiles.write(home.resolve("reports/weekly/2026-W44/weekly-report.pdf"), new byte[] {1});

        assertThat(Integer.toOctalString((Integer) Files.getAttribute(home, "unix:mode") & 07777)).isEqualTo("2750");
        assertThat(mode(home.resolve("reports/weekly/2026-W44/weekly-report.pdf"))).isEqualTo("rw-r-----");
    }

    @Test
    void aNewHomeIsCreatedForItsOwnerAlone() throws IOException {
        Path home = dir.resolve("new/home");

        KpiHome.prepare(home, false);

        assertThat(home).isDirectory();
        assertThat(mode(home)).isEqualTo("rwx------");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    private static void chmod(Path path, String mode) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    }
}

package io.kpipeline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A personal report's file name: readable, and one per rep id whatever characters the id holds. */
class RepFileNameTests {

    @Test
    void namesEachFileAfterTheRepIdAndAPlainName() {
        assertThat(RepFileName.of("REP-01", "Jürgen Müller")).isEqualTo("REP-01_juergen-mueller.pdf");
        assertThat(RepFileName.of("crm/7", "Zoë O'Neil-Groß")).isEqualTo("crm%2F7_zoe-o-neil-gross.pdf");
        assertThat(RepFileName.of("REP-02", "李")).isEqualTo("REP-02.pdf"); // no ASCII left of the name
    }

    @Test
    void idsThatCleanUpAlikeNeverShareAFile() {
        // each pair once gave one file name for two reps
        assertThat(Stream.of(
                RepFileName.of("REP 07", "Jürgen Müller"),
                RepFileName.of("REP/07", "Juergen Mueller"),
                RepFileName.of("REP_07", "Jürgen Müller"),
                RepFileName.of("REP%2007", "Jürgen Müller"), // a literal %: escaped too
                RepFileName.of("REP-07", "Jürgen Müller"),
                RepFileName.of("REP-07-juergen", "Mueller"), // the id part never holds the _
                RepFileName.of("REP-07", ""),
                RepFileName.of("REP-07_", ""))).doesNotHaveDuplicates();
        assertThat(RepFileName.of("REP 07", "Jürgen Müller")).isEqualTo("REP%2007_juergen-mueller.pdf");
        assertThat(RepFileName.of("REP/07", "x")).isEqualTo("REP%2F07_x.pdf");
        assertThat(RepFileName.of(".rep", "x")).isEqualTo("%2Erep_x.pdf"); // not a hidden file
        assertThat(RepFileName.of("Müller.7", "x")).isEqualTo("M%C3%BCller.7_x.pdf");
        // reversible: the escaped id reads back to the exact id
        for (String id : List.of("REP 07", "REP/07", "REP_07", "REP%2007", "Müller.7", ".rep", "a:b\\c")) {
            assertThat(URLDecoder.decode(RepFileName.escapedId(id), StandardCharsets.UTF_8)).isEqualTo(id);
        }
    }

    @Test
    void aLongIdOfNonAsciiCharactersStaysWithinAFileNamesLengthAndDistinct() {
        String a = "客".repeat(63) + "A"; // 64 characters, 190 bytes, 568 characters escaped
        String b = "客".repeat(63) + "B";
        String fileA = RepFileName.of(a, "Name " + "x".repeat(200));
        String fileB = RepFileName.of(b, "Name " + "x".repeat(200));
        assertThat(fileA).isNotEqualTo(fileB).matches("(%E5%AE%A2){11}~[0-9a-f]{16}_name-x+\\.pdf");
        assertThat(fileA.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
    }
}

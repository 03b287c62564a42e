package io.kpipeline.ingest;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class StrictUtf8ReaderTests {

    private static String readAll(byte[] bytes) throws IOException {
        StringWriter out = new StringWriter();
        try (StrictUtf8Reader reader = new StrictUtf8Reader(new ByteArrayInputStream(bytes))) {
            reader.transferTo(out);
        }
        return out.toString();
    }

    @Test
    void skipsALeadingByteOrderMarkOnly() throws IOException {
        assertThat(readAll("\uFEFFid,name\n\uFEFF".getBytes(UTF_8))).isEqualTo("id,name\n\uFEFF");
        assertThat(readAll("\uFEFF".getBytes(UTF_8))).isEmpty();
        assertThat(readAll(new byte[0])).isEmpty();
    }

    @Test
    void decodesCharactersAcrossBufferBoundaries() throws IOException {
        String text = "Müller €\r\n".repeat(20_000);
        assertThat(readAll(text.getBytes(UTF_8))).isEqualTo(text);
    }

    @Test
    void reportsTheLineOfTheFirstMalformedByte() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("id,name\r\nA1,x\n\"A2\",\"multi\rline\"\n".getBytes(UTF_8));
        bytes.write("A3,Müller\n".getBytes(ISO_8859_1));
        assertThatThrownBy(() -> readAll(bytes.toByteArray()))
                .isInstanceOfSatisfying(StrictUtf8Reader.NotUtf8Exception.class, e -> assertThat(e.line()).isEqualTo(5));
    }

    @Test
    void aTruncatedSequenceAtTheEndIsMalformed() {
        byte[] bytes = {'a', '\n', (byte) 0xC3};
        assertThatThrownBy(() -> readAll(bytes))
                .isInstanceOfSatisfying(StrictUtf8Reader.NotUtf8Exception.class, e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void countsTheBytesRead() throws IOException {
        byte[] bytes = "Müller\n".repeat(1000).getBytes(UTF_8);
        try (StrictUtf8Reader reader = new StrictUtf8Reader(new ByteArrayInputStream(bytes))) {
            reader.transferTo(new StringWriter());
            assertThat(reader.bytesRead()).isEqualTo(bytes.length);
        }
    }
}

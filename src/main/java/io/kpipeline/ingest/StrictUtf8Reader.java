package io.kpipeline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly and skips a leading byte order mark. Unlike an {@code InputStreamReader},
 * it hands out every character before a malformed byte and only then fails, with the line of the
 * bad byte; it also counts the bytes read, for the progress estimate.
 */
final class StrictUtf8Reader extends Reader {

    private static final char BOM = '\uFEFF';

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024).flip();
    private final CharBuffer chars = CharBuffer.allocate(64 * 1024).flip();
    private long bytesRead;
    private long lineBreaks;
    private boolean afterCarriageReturn;
    private boolean endOfInput;
    private boolean flushed;
    private boolean malformed;
    private boolean started;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    /** Bytes taken from the stream so far. */
    long bytesRead() {
        return bytesRead;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (!decodeMore()) {
                return -1;
            }
        }
        int n = Math.min(length, chars.remaining());
        chars.get(buffer, offset, n);
        countLineBreaks(buffer, offset, n);
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Fills {@code chars} with at least one character; false at the end of the input. */
    private boolean decodeMore() throws IOException {
        if (malformed) {
            throw new NotUtf8Exception(lineBreaks + 1);
        }
        if (flushed) {
            return false;
        }
        chars.clear();
        while (chars.position() == 0) {
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                malformed = true;
                break;
            }
            if (result.isOverflow()) {
                break;
            }
            if (endOfInput) {
                decoder.flush(chars);
                flushed = true;
                break;
            }
            readBytes();
        }
        chars.flip();
        if (!started && chars.hasRemaining()) {
            started = true;
            if (chars.get(chars.position()) == BOM) {
                chars.get();
            }
        }
        if (!chars.hasRemaining() && malformed) {
            throw new NotUtf8Exception(lineBreaks + 1);
        }
        return chars.hasRemaining() || !flushed;
    }

    private void readBytes() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
            bytesRead += n;
        }
        bytes.flip();
    }

    /** Counts CR LF, LF and a lone CR as one line break each, as the CSV parser does. */
    private void countLineBreaks(char[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = buffer[i];
            if (c == '\r' || c == '\n' && !afterCarriageReturn) {
                lineBreaks++;
            }
            afterCarriageReturn = c == '\r';
        }
    }

    /** The input is not UTF-8; {@link #line()} is the physical line of the first bad byte. */
    static final class NotUtf8Exception extends IOException {

        private final long line;

        NotUtf8Exception(long line) {
            super("not valid UTF-8 on line " + line);
            this.line = line;
        }

        long line() {
            return line;
        }
    }
}

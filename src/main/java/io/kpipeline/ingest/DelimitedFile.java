package io.kpipeline.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A delimited text file read record by record in its {@link Dialect}: the encoding is told from a
 * byte order mark or the bytes themselves where the dialect leaves it open, the delimiter from the
 * header line. Streams: memory stays flat however long the file. Every problem ends the read with
 * an {@link ImportRefusedException} that names the file and line.
 */
public final class DelimitedFile implements AutoCloseable {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SNIFF_BYTES = 4096;
    private static final int HEADER_CHARS = 1 << 20;

    private final String file;
    private final CountingStream counter;
    private final Reader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Dialect dialect;
    private final String encoding;
    private final List<String> header;
    private long line;

    private DelimitedFile(String file, CountingStream counter, Reader reader, String encoding, Dialect dialect)
            throws IOException {
        this.file = file;
        this.counter = counter;
        this.reader = reader;
        this.encoding = encoding;
        this.dialect = dialect;
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(dialect.delimiter()).setIgnoreEmptyLines(false)
                .get();
        this.parser = format.parse(reader);
        this.records = parser.iterator();
        CSVRecord first = next();
        if (first == null) {
            throw new ImportRefusedException(ImportProblem.emptyFile(file));
        }
        List<String> names = first.toList();
        if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
            names = new java.util.ArrayList<>(names);
            names.set(0, names.get(0).substring(1));
        }
        this.header = List.copyOf(names);
    }

    /**
     * Opens {@code path} and reads its header row.
     *
     * @throws ImportRefusedException when the file is empty, unreadable or not in the dialect's encoding
     */
    public static DelimitedFile open(Path path, Dialect dialect) {
        String file = path.getFileName().toString();
        try {
            CountingStream counter = new CountingStream(Files.newInputStream(path));
            BufferedInputStream in = new BufferedInputStream(counter, 64 * 1024);
            Reader reader;
            String encoding;
            if (dialect.encoding() == Dialect.Encoding.UTF_8) {
                reader = new StrictUtf8Reader(in);
                encoding = "UTF-8";
            } else {
                Charset charset = dialect.encoding() == Dialect.Encoding.UTF_16 ? StandardCharsets.UTF_16
                        : dialect.encoding() == Dialect.Encoding.WINDOWS_1252 ? WINDOWS_1252 : detect(in, path);
                if (charset.equals(StandardCharsets.UTF_8)) {
                    reader = new StrictUtf8Reader(in);
                } else {
                    reader = new InputStreamReader(in, charset);
                }
                encoding = charset.name();
            }
            BufferedReader buffered = new BufferedReader(reader, 64 * 1024);
            Dialect resolved = dialect.delimiter() != 0 ? dialect.withDelimiter(dialect.delimiter())
                    : dialect.withDelimiter(sniffDelimiter(buffered));
            return new DelimitedFile(file, counter, buffered, encoding, resolved);
        } catch (StrictUtf8Reader.NotUtf8Exception e) {
            throw new ImportRefusedException(ImportProblem.notUtf8(file, e.line()));
        } catch (IOException e) {
            throw new ImportRefusedException(ImportProblem.unreadable(file, e.getMessage()));
        }
    }

    /** The file name, as messages name it. */
    public String file() {
        return file;
    }

    /** The header row as written (a leading byte order mark removed). */
    public List<String> header() {
        return header;
    }

    /** The dialect with the delimiter and decimal separator this file turned out to have. */
    public Dialect dialect() {
        return dialect;
    }

    /** The character encoding the file is read in, e.g. {@code UTF-8} or {@code windows-1252}. */
    public String encoding() {
        return encoding;
    }

    /** Bytes taken from the file so far. */
    public long bytesRead() {
        return counter.count;
    }

    /** The physical line where the record last returned by {@link #next()} starts (1 is the header). */
    public long line() {
        return line;
    }

    /**
     * The next non-blank record, or null at the end.
     *
     * @throws ImportRefusedException on a malformed byte or an unclosed quote
     */
    public CSVRecord next() {
        while (true) {
            line = parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                throw new ImportRefusedException(problemOf(e));
            }
            if (record.size() > 1 || !record.get(0).isEmpty()) {
                return record;
            }
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
            reader.close();
        } catch (IOException e) {
            // read-only file: nothing to lose
        }
    }

    private ImportProblem problemOf(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StrictUtf8Reader.NotUtf8Exception notUtf8) {
                return ImportProblem.notUtf8(file, notUtf8.line());
            }
            String message = String.valueOf(cause.getMessage());
            if (message.contains("EOF reached before encapsulated token finished")) {
                return ImportProblem.badQuotes(file, line, true, dialect.delimiter());
            }
            if (message.contains("invalid char between encapsulated token and delimiter")) {
                return ImportProblem.badQuotes(file, line, false, dialect.delimiter());
            }
        }
        if (e instanceof UncheckedIOException io) {
            return ImportProblem.unreadable(file, io.getCause().getMessage());
        }
        throw e;
    }

    /**
     * The charset of a file without a declared encoding: its byte order mark (consumed), UTF-16 when every
     * other byte of its start is zero, else UTF-8 when all of it decodes as UTF-8, else Windows-1252.
     */
    private static Charset detect(BufferedInputStream in, Path path) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] start = in.readNBytes(SNIFF_BYTES);
        in.reset();
        int n = start.length;
        if (n >= 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8; // StrictUtf8Reader skips the mark
        }
        if (n >= 2 && (start[0] & 0xFF) == 0xFF && (start[1] & 0xFF) == 0xFE) {
            in.skipNBytes(2);
            return StandardCharsets.UTF_16LE;
        }
        if (n >= 2 && (start[0] & 0xFF) == 0xFE && (start[1] & 0xFF) == 0xFF) {
            in.skipNBytes(2);
            return StandardCharsets.UTF_16BE;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < n; i++) {
            if (start[i] == 0) {
                if (i % 2 == 0) {
                    evenZeros++;
                } else {
                    oddZeros++;
                }
            }
        }
        if (oddZeros > n / 4) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros > n / 4) {
            return StandardCharsets.UTF_16BE;
        }
        return isUtf8(path) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }

    /** Whether the whole file decodes as UTF-8; one streaming pass. */
    private static boolean isUtf8(Path path) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        try (InputStream in = Files.newInputStream(path)) {
            while (true) {
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                boolean end = read < 0;
                if (!end) {
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
                while (true) {
                    chars.clear();
                    var result = decoder.decode(bytes, chars, end);
                    if (result.isError()) {
                        return false;
                    }
                    if (result.isUnderflow()) {
                        break;
                    }
                }
                bytes.compact();
                if (end) {
                    return true;
                }
            }
        }
    }

    /** The delimiter of the header line: whichever of {@code ;}, tab and {@code ,} occurs most outside quotes. */
    private static char sniffDelimiter(BufferedReader reader) throws IOException {
        reader.mark(HEADER_CHARS);
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < HEADER_CHARS; i++) {
            int c = reader.read();
            if (c < 0 || !quoted && (c == '\n' || c == '\r')) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        reader.reset();
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    /** Counts the bytes taken from the file, for the progress estimate. */
    private static final class CountingStream extends FilterInputStream {

        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(n, 0);
            return n;
        }
    }
}

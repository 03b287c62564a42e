package io.kpipeline.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes an exported PDF depend on its content only: the PDF library stamps the clock into
 * {@code /CreationDate} and {@code /ModDate}, a random six-letter prefix onto every embedded font
 * subset and a random file {@code /ID} into the trailer. This replaces the dates with the document
 * date (the report's period), the prefixes with ones numbered in order of appearance and the ID
 * with a digest of the rest, then rewrites the cross-reference table for the shifted offsets.
 */
final class PdfNormalizer {

    private static final Pattern DATE = Pattern.compile("/(CreationDate|ModDate)\\s*\\((D:[^)]*)\\)");
    private static final Pattern SUBSET = Pattern.compile("/(?:BaseFont|FontName)\\s*/([A-Z]{6})\\+");
    private static final Pattern ID = Pattern.compile("/ID\\s*\\[\\s*<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>\\s*]");
    private static final Pattern STARTXREF = Pattern.compile("startxref\\s+(\\d+)\\s+%%EOF\\s*$");
    private static final Pattern XREF_SECTION = Pattern.compile("(\\d+) (\\d+)\\r?\\n");

    private PdfNormalizer() {
    }

    /** @param documentDate the date to stamp as creation and modification date (00:00 UTC) */
    static byte[] normalize(byte[] pdf, LocalDate documentDate) {
        // ISO-8859-1 maps every byte to one char and back, so offsets in the text are offsets in the file
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        Matcher end = STARTXREF.matcher(text);
        if (!end.find()) {
            throw new IllegalStateException("The exported PDF has no startxref trailer");
        }
        int xref = Integer.parseInt(end.group(1));
        if (!text.startsWith("xref", xref)) {
            throw new IllegalStateException("The exported PDF uses a cross-reference stream; expected a classic table");
        }

        List<Edit> edits = new ArrayList<>();
        String date = String.format("D:%04d%02d%02d000000Z", documentDate.getYear(), documentDate.getMonthValue(),
                documentDate.getDayOfMonth());
        Matcher m = DATE.matcher(text);
        while (m.find()) {
            edits.add(new Edit(m.start(2), m.end(2), date));
        }
        Map<String, String> prefixes = new LinkedHashMap<>();
        m = SUBSET.matcher(text);
        while (m.find()) {
            String prefix = prefixes.computeIfAbsent(m.group(1), p -> subsetPrefix(prefixes.size()));
            edits.add(new Edit(m.start(1), m.end(1), prefix));
        }
        edits.sort((a, b) -> Integer.compare(a.start, b.start));

        StringBuilder out = new StringBuilder(text.length());
        int[] shiftAt = new int[edits.size()];
        int last = 0;
        for (int i = 0; i < edits.size(); i++) {
            Edit e = edits.get(i);
            out.append(text, last, e.start).append(e.replacement);
            last = e.end;
            shiftAt[i] = out.length() - last;
        }
        out.append(text.substring(last));

        String result = rewriteXref(out.toString(), xref, edits, shiftAt);
        return withContentId(result).getBytes(StandardCharsets.ISO_8859_1);
    }

    private record Edit(int start, int end, String replacement) {
    }

    /** Where byte {@code offset} of the original file is in the edited one. */
    private static int shifted(int offset, List<Edit> edits, int[] shiftAt) {
        int shift = 0;
        for (int i = 0; i < edits.size() && edits.get(i).end <= offset; i++) {
            shift = shiftAt[i];
        }
        return offset + shift;
    }

    private static String rewriteXref(String text, int originalXref, List<Edit> edits, int[] shiftAt) {
        int xref = shifted(originalXref, edits, shiftAt);
        StringBuilder out = new StringBuilder(text.substring(0, xref));
        int pos = xref + "xref".length();
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        out.append(text, xref, pos);
        Matcher section = XREF_SECTION.matcher(text);
        while (section.find(pos) && section.start() == pos) {
            out.append(section.group());
            pos = section.end();
            int count = Integer.parseInt(section.group(2));
            for (int i = 0; i < count; i++) {
                String entry = text.substring(pos, pos + 20);
                if (entry.charAt(17) == 'n') {
                    int offset = Integer.parseInt(entry.substring(0, 10));
                    entry = String.format("%010d", shifted(offset, edits, shiftAt)) + entry.substring(10);
                }
                out.append(entry);
                pos += 20;
            }
        }
        String rest = text.substring(pos);
        Matcher end = STARTXREF.matcher(rest);
        if (!end.find()) {
            throw new IllegalStateException("The exported PDF has no startxref after its cross-reference table");
        }
        return out.append(rest, 0, end.start(1)).append(xref).append(rest.substring(end.end(1))).toString();
    }

    /** Replaces both file IDs (equal length, so no offset moves) by a digest of the file with them blanked. */
    private static String withContentId(String text) {
        Matcher m = ID.matcher(text);
        if (!m.find()) {
            return text;
        }
        String blank = text.substring(0, m.start(1)) + "0".repeat(m.group(1).length())
                + text.substring(m.end(1), m.start(2)) + "0".repeat(m.group(2).length()) + text.substring(m.end(2));
        String digest = digest(blank.getBytes(StandardCharsets.ISO_8859_1));
        String first = fit(digest, m.group(1).length());
        String second = fit(digest, m.group(2).length());
        return text.substring(0, m.start(1)) + first + text.substring(m.end(1), m.start(2)) + second
                + text.substring(m.end(2));
    }

    private static String fit(String hex, int length) {
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            s.append(hex);
        }
        return s.substring(0, length).toUpperCase(java.util.Locale.ROOT);
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** AAAAAA, AAAAAB, … in order of appearance. */
    private static String subsetPrefix(int n) {
        char[] letters = new char[6];
        for (int i = 5; i >= 0; i--) {
            letters[i] = (char) ('A' + n % 26);
            n /= 26;
        }
        return new String(letters);
    }
}

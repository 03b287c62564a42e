package io.kpipeline.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The file name of a rep's personal report, {@code REP-03_julia-schaefer.pdf}: the rep's id, then after
 * {@code _} the name as a plain ASCII slug. Two ids never share a file: the id keeps ASCII letters, digits,
 * {@code .} and {@code -} and writes every other character as {@code %XX} per UTF-8 byte, as URLs do
 * ({@code REP 07} is {@code REP%2007}, {@code REP/07} is {@code REP%2F07}, a leading {@code .} is {@code %2E} so
 * that no file is hidden); the escaped id holds no {@code _}, so where it ends is never in doubt, and it reads
 * back to the exact id. An id whose escaped form exceeds {@value #LONGEST_ID} characters (only ids of many
 * non-ASCII characters) keeps its first {@value #KEPT_OF_LONG_ID} and adds {@code ~} and 16 hex digits of the
 * id's SHA-256, so that the name stays within the 255 bytes file systems allow; {@code ~} is escaped
 * elsewhere, so such a name never equals another id's.
 */
final class RepFileName {

    private static final int LONGEST_ID = 120;
    private static final int KEPT_OF_LONG_ID = 100;
    private static final int LONGEST_SLUG = 60;
    private static final String HEX = "0123456789ABCDEF";

    private RepFileName() {
    }

    static String of(String repId, String name) {
        String id = escapedId(repId);
        String slug = Normalizer.normalize(name.toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe")
                .replace("ü", "ue").replace("ß", "ss"), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (slug.length() > LONGEST_SLUG) {
            slug = slug.substring(0, LONGEST_SLUG).replaceAll("-$", "");
        }
        return (slug.isEmpty() ? id : id + "_" + slug) + ".pdf";
    }

    /** The id with every character but ASCII letters, digits, {@code .} and {@code -} as {@code %XX}. */
    static String escapedId(String repId) {
        StringBuilder escaped = new StringBuilder();
        byte[] bytes = repId.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean kept = b < 0x80 && (Character.isLetterOrDigit(b) || b == '-' || (b == '.' && i > 0));
            if (kept) {
                escaped.append((char) b);
            } else {
                escaped.append('%').append(HEX.charAt(b >> 4)).append(HEX.charAt(b & 0xf));
            }
        }
        if (escaped.length() <= LONGEST_ID) {
            return escaped.toString();
        }
        int cut = KEPT_OF_LONG_ID;
        while (escaped.charAt(cut - 1) == '%' || escaped.charAt(cut - 2) == '%') {
            cut--; // never cut an escape in two
        }
        return escaped.substring(0, cut) + "~" + HexFormat.of().formatHex(sha256(repId), 0, 8);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

package io.kpipeline.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/** Normalising makes two exports of the same content identical and keeps the file valid. */
class PdfNormalizerTests {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 1);

    @Test
    void exportsAtDifferentTimesInDifferentZonesBecomeIdentical() throws Exception {
        byte[] berlin = pdf(TimeZone.getTimeZone("Europe/Berlin"), 2025);
        byte[] utc = pdf(TimeZone.getTimeZone("UTC"), 2024);
        assertThat(utc).isNotEqualTo(berlin);

        byte[] first = PdfNormalizer.normalize(berlin, DAY);
        assertThat(PdfNormalizer.normalize(utc, DAY)).isEqualTo(first);
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).contains("/CreationDate(D:20261101000000Z)")
                .contains("/AAAAAA+DejaVuSans");
    }

    @Test
    void everyCrossReferencePointsAtItsObjectAfterTheDatesChangedLength() throws Exception {
        byte[] pdf = PdfNormalizer.normalize(pdf(TimeZone.getTimeZone("Europe/Berlin"), 2025), DAY);
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        Matcher start = Pattern.compile("startxref\\s+(\\d+)").matcher(text);
        assertThat(start.find()).isTrue();
        int xref = Integer.parseInt(start.group(1));
        assertThat(text.substring(xref)).startsWith("xref");
        Matcher entry = Pattern.compile("(\\d{10}) 00000 n").matcher(text.substring(xref, text.indexOf("trailer", xref)));
        int objects = 0;
        while (entry.find()) {
            int offset = Integer.parseInt(entry.group(1));
            assertThat(text.substring(offset)).matches("(?s)\\d+ 0 obj.*");
            objects++;
        }
        assertThat(objects).isGreaterThan(3);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentInformation().getCreationDate().getTimeInMillis())
                    .isEqualTo(DAY.atStartOfDay().toInstant(java.time.ZoneOffset.UTC).toEpochMilli());
        }
    }

    /** A one-page PDF with an embedded font subset, created on 1 May of {@code year} in {@code zone}. */
    private static byte[] pdf(TimeZone zone, int year) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.open();
        GregorianCalendar created = new GregorianCalendar(zone);
        created.set(year, 4, 1, 9, 30, 0);
        writer.getInfo().put(PdfName.CREATIONDATE, new PdfDate(created));
        writer.getInfo().put(PdfName.MODDATE, new PdfDate(created));
        document.add(new Paragraph("Grüße: 1.234,56 €", new Font(dejaVu(), 10)));
        document.close();
        return out.toByteArray();
    }

    private static BaseFont dejaVu() throws IOException {
        try (InputStream in = PdfNormalizerTests.class.getClassLoader()
                .getResourceAsStream("net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf")) {
            return BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                    in.readAllBytes(), null);
        }
    }
}

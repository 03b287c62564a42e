package io.kpipeline.source;

import io.kpipeline.ingest.DelimitedFile;
import io.kpipeline.ingest.Dialect;
import io.kpipeline.ingest.ImportProblem;
import io.kpipeline.ingest.ImportRefusedException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads a source file record by record, streaming: a delimited text file in its dialect, or the first
 * sheet of an XLSX workbook with Apache POI's event (SAX) reader, whose date cells become ISO text and
 * numbers plain text with a decimal dot. The first non-blank row is the header.
 */
final class SourceSheets {

    private static final DateTimeFormatter ISO_TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss",
            Locale.ROOT);

    private SourceSheets() {
    }

    /** Takes what a file holds. */
    interface Handler {

        /** The header row, and the dialect the values are in (delimiter and decimal separator known). */
        void header(List<String> labels, Dialect dialect);

        /** A non-blank record and the line (for a workbook: the row number) it starts on. */
        void record(long line, List<String> cells);
    }

    static boolean isWorkbook(Path path) {
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /**
     * Reads {@code path} into {@code handler}; {@code bytesRead[0]} follows the bytes read of a text file.
     *
     * @throws ImportRefusedException when the file cannot be read
     */
    static void read(Path path, Dialect dialect, Handler handler, long[] bytesRead) {
        if (isWorkbook(path)) {
            readWorkbook(path, dialect.withDecimal(Dialect.Decimal.DOT), handler);
        } else {
            try (DelimitedFile file = DelimitedFile.open(path, dialect)) {
                handler.header(file.header(), file.dialect());
                for (CSVRecord record = file.next(); record != null; record = file.next()) {
                    handler.record(file.line(), record.toList());
                    bytesRead[0] = file.bytesRead();
                }
                bytesRead[0] = file.bytesRead();
            }
        }
    }

    private static void readWorkbook(Path path, Dialect dialect, Handler handler) {
        String file = path.getFileName().toString();
        try (OPCPackage workbook = OPCPackage.open(path.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new ImportRefusedException(new ImportProblem(file, 0, null, null, "the workbook has no sheet",
                        "Export the data again."));
            }
            Rows rows = new Rows(handler, dialect);
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, rows,
                        new IsoFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
            if (!rows.headerSeen) {
                throw new ImportRefusedException(new ImportProblem(file, 0, null, null, "the first sheet is empty",
                        "Export the data again, with a header row."));
            }
        } catch (IOException | OpenXML4JException | SAXException | javax.xml.parsers.ParserConfigurationException e) {
            throw new ImportRefusedException(new ImportProblem(file, 0, null, null,
                    "the workbook cannot be read (" + e.getMessage() + ")",
                    "Check that it is an Excel workbook (.xlsx), or export the data as CSV."));
        }
    }

    /** Collects the cells of each row in column order; cells left out of the sheet are empty. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final Handler handler;
        private final Dialect dialect;
        private final List<String> cells = new ArrayList<>();
        private boolean headerSeen;
        private int next;

        Rows(Handler handler, Dialect dialect) {
            this.handler = handler;
            this.dialect = dialect;
        }

        @Override
        public void startRow(int row) {
            cells.clear();
            next = 0;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? next : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value);
            next = column + 1;
        }

        @Override
        public void endRow(int row) {
            if (cells.stream().allMatch(String::isBlank)) {
                return;
            }
            if (!headerSeen) {
                headerSeen = true;
                handler.header(List.copyOf(cells), dialect);
            } else {
                handler.record(row + 1L, new ArrayList<>(cells));
            }
        }
    }

    /** Date cells as {@code yyyy-MM-dd[ HH:mm:ss]}, numbers without grouping and with a decimal dot. */
    private static final class IsoFormatter extends DataFormatter {

        IsoFormatter() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime time = DateUtil.getLocalDateTime(value, use1904, true);
                boolean hasTime = formatString != null && formatString.toLowerCase(Locale.ROOT).contains("h");
                return hasTime || time.toLocalTime().toSecondOfDay() != 0 ? time.format(ISO_TIMESTAMP)
                        : time.toLocalDate().toString();
            }
            String text = NumberToTextConverter.toText(value);
            return text.contains("E") ? new BigDecimal(text).toPlainString() : text;
        }
    }
}

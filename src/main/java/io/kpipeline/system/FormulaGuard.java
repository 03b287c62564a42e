package io.kpipeline.system;

/**
 * Keeps spreadsheets from evaluating text cells of the CSV files the pipeline writes (CSV or formula
 * injection): a text that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return gets a single quote in front, as OWASP recommends, so that {@code =HYPERLINK(…)} in an
 * imported id reaches the reader as text. Numbers are not text cells and stay as they are, negative
 * ones included.
 *
 * <p>{@link #restore} undoes it, for the import of files the pipeline wrote. A text that already starts
 * with quotes before such a character gets one more, so that every text comes back exactly, quotes and
 * all ({@code '=x} is written {@code ''=x} and read {@code '=x}).
 */
public final class FormulaGuard {

    private FormulaGuard() {
    }

    /** The text as a spreadsheet-safe cell; {@code null} stays {@code null}. */
    public static String neutralise(String text) {
        return text != null && startsFormula(text) ? "'" + text : text;
    }

    /** The text {@link #neutralise} was given for {@code cell}; any other cell as it is. */
    public static String restore(String cell) {
        return cell != null && cell.startsWith("'") && startsFormula(cell) ? cell.substring(1) : cell;
    }

    /** Whether the first character after any leading quotes is one a spreadsheet reads as a formula. */
    private static boolean startsFormula(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) == '\'') {
            i++;
        }
        if (i == text.length()) {
            return false;
        }
        char c = text.charAt(i);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}

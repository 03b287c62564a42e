package io.kpipeline.ingest;

import io.kpipeline.model.CanonicalModel;
import io.kpipeline.model.Table;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Why a CSV file was refused, worded for the person who fixes the file: where (file, line,
 * column), what is wrong with which value, and what to do. Every message of the import is made
 * here, so that they all read alike.
 *
 * @param file   the file name, e.g. {@code lead.csv}
 * @param line   the physical line where the record starts (1 is the header), or 0 for the whole file
 * @param column the column name, or {@code null} for a problem of the whole line
 * @param value  the value as it appears in the file, or {@code null} when there is none to show
 * @param reason what is wrong, following the quoted value
 * @param advice what to do about it
 */
public record ImportProblem(String file, long line, String column, String value, String reason, String advice) {

    static final String CORRECT_VALUE = "Correct the value and import the file again.";
    private static final int SHOWN_VALUE_LENGTH = 80;

    /** The message: {@code <file>, line <n>, column <column>: <problem>. <what to do>}. */
    public String message() {
        StringBuilder m = new StringBuilder(file);
        if (line > 0) {
            m.append(", line ").append(line);
        }
        if (column != null) {
            m.append(", column ").append(column);
        }
        m.append(": ");
        if (value != null) {
            m.append('"').append(shorten(value)).append("\" ");
        }
        return m.append(reason).append(". ").append(advice).toString();
    }

    static ImportProblem unknownFile(String file) {
        String names = CanonicalModel.tables().stream().map(Table::fileName).collect(Collectors.joining(", "));
        return new ImportProblem(file, 0, null, null,
                "no table of the data model has this name; the files are " + names,
                "Rename or remove the file.");
    }

    static ImportProblem emptyFile(String file) {
        return new ImportProblem(file, 0, null, null, "the file is empty",
                "Add a header row naming the columns, then the rows.");
    }

    static ImportProblem notUtf8(String file, long line) {
        return new ImportProblem(file, line, null, null, "the file is not valid UTF-8",
                "Save it as UTF-8 (Excel: \"CSV UTF-8\") and import again, or import it as Excel wrote it with"
                        + " --dialect excel-de.");
    }

    static ImportProblem unreadable(String file, String cause) {
        return new ImportProblem(file, 0, null, null, "the file cannot be read (" + cause + ")",
                "Check that the file exists and is readable, then import again.");
    }

    static ImportProblem badQuotes(String file, long line, boolean unclosed, char delimiter) {
        return new ImportProblem(file, line, null, null,
                unclosed ? "a quoted value is not closed before the end of the file"
                        : "a quoted value is followed by more text before the next " + delimiterName(delimiter),
                "Write a quote inside a quoted value as two quotes (\"\") and close every quoted value.");
    }

    static ImportProblem semicolonHeader(String file) {
        return new ImportProblem(file, 1, null, null,
                "the columns are separated by semicolons, but the import expects commas",
                "Save the file as \"CSV UTF-8 (comma delimited)\" and import it again, or import it as German Excel"
                        + " wrote it with --dialect excel-de.");
    }

    static ImportProblem unnamedColumn(String file, int position) {
        return new ImportProblem(file, 1, null, null, "column " + position + " of the header has no name",
                "Name it or remove it.");
    }

    static ImportProblem unknownColumn(String file, Table table, String column) {
        return new ImportProblem(file, 1, column, null, "unknown column; the columns of " + table.name() + " are "
                + String.join(", ", table.columnNames()), "Remove or rename it.");
    }

    static ImportProblem repeatedColumn(String file, String column) {
        return new ImportProblem(file, 1, column, null, "the column appears twice in the header",
                "Remove one of them.");
    }

    static ImportProblem missingColumn(String file, String column) {
        return new ImportProblem(file, 1, null, null, "required column " + column + " is missing",
                "Add it to the header.");
    }

    static ImportProblem fieldCount(String file, long line, int fields, int headerFields, char delimiter) {
        String between = delimiterName(delimiter) + "s";
        return new ImportProblem(file, line, null, null,
                "the row has " + fields + (fields == 1 ? " field" : " fields") + " but the header has " + headerFields,
                "Put a value (or nothing) between " + between + " for every column and quote values that contain "
                        + between + ".");
    }

    static ImportProblem invalidValue(String file, long line, String column, String value,
            InvalidValueException problem) {
        return new ImportProblem(file, line, column, problem.showsValue() ? value : null, problem.reason(),
                problem.advice());
    }

    static ImportProblem duplicateKey(String file, long line, List<String> key, List<String> values, String firstSeen) {
        return new ImportProblem(file, line, null, null, "duplicate key (" + String.join(", ", key) + ") = ("
                + String.join(", ", values) + "), first seen on " + firstSeen, "Keep one of the rows.");
    }

    static ImportProblem unknownReference(String file, long line, String column, String value, String table) {
        return new ImportProblem(file, line, column, value, "is not a known " + table.replace('_', ' ')
                + " (no such row in " + table + ")", "Import " + table + ".csv with it first, or correct the value.");
    }

    static ImportProblem refusedByDatabase(String file, String cause) {
        return new ImportProblem(file, 0, null, null, "the database refused the rows (" + cause + ")",
                "Nothing of the file was stored; correct the file or the database and import again.");
    }

    private static String delimiterName(char delimiter) {
        return switch (delimiter) {
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '\t' -> "tab";
            default -> "'" + delimiter + "'";
        };
    }

    private static String shorten(String value) {
        return value.length() <= SHOWN_VALUE_LENGTH ? value : value.substring(0, SHOWN_VALUE_LENGTH) + "…";
    }
}

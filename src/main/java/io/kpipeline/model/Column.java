package io.kpipeline.model;

import java.util.List;

/**
 * One column of a canonical table.
 *
 * @param name       the column name, as in the CSV header and the database
 * @param type       the value kind
 * @param required   whether the value may be empty (NULL)
 * @param codes      for {@link ColumnType#CODE}, the allowed codes; empty means any upper-case code
 * @param references the referenced table (its single-column primary key), or {@code null}
 * @param maxLength  for {@link ColumnType#TEXT} the most characters, for {@link ColumnType#LONG_TEXT}
 *                   the most bytes; 0 for other types
 * @param since      the version of the data model that added the column (1 for the first model); a
 *                   column added later is optional, so that files written for an earlier version still
 *                   import
 */
public record Column(String name, ColumnType type, boolean required, List<String> codes, String references,
        int maxLength, int since) {

    public Column {
        codes = List.copyOf(codes);
        if (since > 1 && required) {
            throw new IllegalArgumentException(name + " was added in version " + since
                    + " of the data model and so must be optional");
        }
    }

    public boolean isForeignKey() {
        return references != null;
    }
}

package io.kpipeline.ingest;

import io.kpipeline.model.Column;
import io.kpipeline.model.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The header row of a CSV file, checked against its table: the columns in file order. Columns
 * may come in any order; optional ones may be missing, unknown ones are refused.
 */
record Header(List<Column> columns) {

    Header {
        columns = List.copyOf(columns);
    }

    static Header of(String file, Table table, List<String> names) {
        if (names.size() == 1 && names.get(0).contains(";")) {
            throw new ImportRefusedException(ImportProblem.semicolonHeader(file));
        }
        List<Column> columns = new ArrayList<>(names.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (name.isEmpty()) {
                throw new ImportRefusedException(ImportProblem.unnamedColumn(file, i + 1));
            }
            Column column = table.column(name)
                    .orElseThrow(() -> new ImportRefusedException(ImportProblem.unknownColumn(file, table, name)));
            if (!seen.add(name)) {
                throw new ImportRefusedException(ImportProblem.repeatedColumn(file, name));
            }
            columns.add(column);
        }
        for (Column column : table.columns()) {
            if (column.required() && !seen.contains(column.name())) {
                throw new ImportRefusedException(ImportProblem.missingColumn(file, column.name()));
            }
        }
        return new Header(columns);
    }

    int size() {
        return columns.size();
    }
}

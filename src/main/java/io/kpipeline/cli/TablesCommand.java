package io.kpipeline.cli;

import io.kpipeline.model.CanonicalModel;
import io.kpipeline.model.Column;
import io.kpipeline.model.Table;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "tables", mixinStandardHelpOptions = true,
        description = {"Lists the import format: every table with its columns and what each column takes.",
                "It says which columns are required, their allowed codes and what they refer to. Needs no"
                        + " database."})
final class TablesCommand implements Runnable {

    @ParentCommand
    private RootCommand root;

    @Override
    public void run() {
        PrintWriter out = root.out();
        out.println("One CSV file per table, named <table>.csv; UTF-8, comma-separated, a header row naming the");
        out.println("columns in any order; an empty field is NULL. Tables are listed in import order.");
        out.println("Data model version " + CanonicalModel.VERSION + ". A column marked \"added in version n\" may be"
                + " left out of a file:");
        out.println("an export made for an earlier version still imports, and the column stays NULL.");
        for (Table table : CanonicalModel.tables()) {
            out.println();
            out.println(table.fileName() + "  (key: " + String.join(", ", table.key()) + ")");
            for (Column column : table.columns()) {
                out.printf("  %-22s %-9s %s%n", column.name(), column.required() ? "required" : "optional",
                        describe(column));
            }
        }
        out.flush();
    }

    private static String describe(Column column) {
        String what = column.codes().isEmpty() ? column.type().expectation()
                : "one of " + String.join(", ", column.codes());
        String refers = column.isForeignKey() ? what + ", refers to " + column.references() + ".csv" : what;
        return column.since() > 1 ? refers + " (added in version " + column.since() + ")" : refers;
    }
}

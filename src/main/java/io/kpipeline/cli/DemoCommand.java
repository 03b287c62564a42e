package io.kpipeline.cli;

import io.kpipeline.model.TableCounts;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Shows the pipeline at work on demo data.",
                "Prepares the database (the embedded one unless spring.datasource.url is set), generates",
                "demo data if it is empty, and prints what it holds."})
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @Override
    public Integer call() {
        try (var context = root.startContext()) {
            TableCounts tables = context.getBean(TableCounts.class);
            Map<String, Long> counts = tables.count();
            TableSummary.print(root.out(), counts);
            return 0;
        }
    }
}

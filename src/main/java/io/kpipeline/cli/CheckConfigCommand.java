package io.kpipeline.cli;

import io.kpipeline.delivery.Delivery;
import io.kpipeline.evaluation.ConfigurationCheck;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = {"Validates the configuration (settings, KPI catalog, targets, benchmarks, measures,",
                "recipients and roles) and names file, key and value of a problem. Says which directory",
                "it read first. Exit status 2 when something is wrong."})
final class CheckConfigCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @Override
    public Integer call() {
        try (var context = root.startContext()) {
            root.out().println(context.getBean(ConfigurationCheck.class).summary());
            root.out().println(context.getBean(Delivery.class).describe());
            root.out().flush();
            return 0;
        }
    }
}

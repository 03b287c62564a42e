package io.kpipeline.cli;

import io.kpipeline.delivery.DeliveryOverview;
import io.kpipeline.evaluation.ConfigurationCheck;
import io.kpipeline.system.KpiException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = {"Validates everything in config/ and names the file, key and value of a problem.",
                "It checks the settings, the KPI catalog, targets, benchmarks, measures, recipients and roles,"
                        + " and says first which directory it read. A report mailed to nobody is an error unless"
                        + " kpi.reports.<report>.mail is false.",
                "It needs no database, so it answers while a scheduler holds the embedded one. Exit status 2 when"
                        + " something is wrong."})
final class CheckConfigCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @Override
    public Integer call() {
        root.announceConfiguration();
        try (var context = root.startSettings()) {
            DeliveryOverview delivery = context.getBean(DeliveryOverview.class);
            List<String> unaddressed = delivery.unaddressed();
            if (!unaddressed.isEmpty()) {
                throw KpiException.configuration(String.join("; ", unaddressed) + ".");
            }
            root.out().println(context.getBean(ConfigurationCheck.class).summary());
            root.out().println(delivery.describe());
            root.out().flush();
            return 0;
        }
    }
}

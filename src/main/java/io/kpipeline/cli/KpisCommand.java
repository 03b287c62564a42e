package io.kpipeline.cli;

import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiDefinition;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "kpis", mixinStandardHelpOptions = true,
        description = "Lists the KPI catalog (config/kpis.yml) with each KPI's technical definition,"
                + " the controllers' reference (the reports' glossaries print the plain one). Needs no database.")
final class KpisCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @Option(names = "--lang", paramLabel = "de|en", defaultValue = "en",
            description = "Language of names and definitions. Default: ${DEFAULT-VALUE}.")
    private String language;

    @Override
    public Integer call() {
        Locale locale = Locale.forLanguageTag(language);
        try (var context = root.startSettings()) {
            root.announceConfiguration();
            PrintWriter out = root.out();
            KpiDefinition.Category category = null;
            for (KpiDefinition kpi : context.getBean(KpiCatalog.class).kpis()) {
                if (kpi.category() != category) {
                    category = kpi.category();
                    out.println();
                    out.println(category.name().replace('_', ' '));
                }
                out.printf("  %-34s %s%s%n", kpi.id(), kpi.name().in(locale), kpi.enabled() ? "" : "  (disabled)");
                out.printf("  %-34s %s%n", "", kpi.technical().in(locale));
                out.printf("  %-34s unit %s, %s is better, %s%s%n", "", kpi.unit().name().toLowerCase(Locale.ROOT),
                        kpi.better().name().toLowerCase(Locale.ROOT), kpi.indicator().name().toLowerCase(Locale.ROOT),
                        kpi.breakdowns().isEmpty() ? "" : ", by " + kpi.breakdowns().stream()
                                .map(KpiDefinition.Dimension::key).collect(Collectors.joining(", ")));
            }
            out.flush();
            return 0;
        }
    }
}

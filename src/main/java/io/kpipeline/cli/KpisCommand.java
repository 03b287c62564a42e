package io.kpipeline.cli;

import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.report.ReportFormat;
import io.kpipeline.system.KpiException;
import io.kpipeline.system.KpiProperties;
import java.io.PrintWriter;
import java.util.Currency;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "kpis", mixinStandardHelpOptions = true,
        description = {"Lists the KPI catalog (config/kpis.yml) by category, each KPI with its technical definition.",
                "This is the controllers' reference; the reports' glossaries print the plain definitions.",
                "It needs no database."})
final class KpisCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @Option(names = "--lang", paramLabel = "de|en", defaultValue = "en",
            description = "The language of headings, names and definitions: de (German) or en (English)."
                    + " Default: ${DEFAULT-VALUE}.")
    private String language;

    @Override
    public Integer call() {
        Locale locale = switch (language.toLowerCase(Locale.ROOT)) {
            case "de" -> Locale.GERMAN;
            case "en" -> Locale.ENGLISH;
            default -> throw KpiException.configuration("--lang " + language
                    + " is not a language of the catalog; write --lang de (German) or --lang en (English).");
        };
        try (var context = root.startSettings()) {
            root.announceConfiguration();
            ReportFormat texts = new ReportFormat(locale,
                    Currency.getInstance(context.getBean(KpiProperties.class).currency()));
            PrintWriter out = root.out();
            KpiDefinition.Category category = null;
            for (KpiDefinition kpi : context.getBean(KpiCatalog.class).kpis()) {
                if (kpi.category() != category) {
                    category = kpi.category();
                    out.println();
                    out.println(texts.text("category." + category.name().toLowerCase(Locale.ROOT)).toUpperCase(locale));
                }
                out.printf("  %-34s %s%s%n", kpi.id(), kpi.name().in(locale),
                        kpi.enabled() ? "" : "  " + texts.text("catalog.disabled"));
                out.printf("  %-34s %s%n", "", kpi.technical().in(locale));
                out.printf("  %-34s %s%n", "", traits(kpi, texts));
            }
            out.flush();
            return 0;
        }
    }

    /** "unit count, higher is better, leading, by channel, campaign" in the chosen language. */
    private static String traits(KpiDefinition kpi, ReportFormat texts) {
        String traits = texts.text("catalog.unit", texts.text("catalog.unit." + kpi.unit().name())) + ", "
                + texts.text("catalog.better." + kpi.better().name()) + ", "
                + texts.text("catalog.indicator." + kpi.indicator().name());
        return kpi.breakdowns().isEmpty() ? traits : traits + ", " + texts.text("catalog.by", kpi.breakdowns().stream()
                .map(d -> texts.text("review.dimension." + d.name())).collect(Collectors.joining(", ")));
    }
}

package io.kpipeline.cli;

import io.kpipeline.ingest.ImportListener;
import io.kpipeline.sync.SourceSync;
import io.kpipeline.sync.SyncReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Loads what changed in a source database (Matomo, Mautic, SuiteCRM) since its last sync.",
                "The source kpi.sources.NAME.url is read through the sync profile config/sources/NAME.yml,",
                "whose read-only queries give the canonical tables, and loaded like an import. Each table",
                "loads in one transaction with the point it reached; a refused table stores nothing and is",
                "read again from the same point next time. The schedule command runs it nightly",
                "(kpi.sources.NAME.schedule, default 02:00)."},
        footer = {"", "Exit status: 0 everything loaded, 1 a table was refused or the source cannot be read,"
                + " 2 usage or configuration error."})
final class SyncCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @Option(names = "--source", required = true, paramLabel = "NAME",
            description = "The source to sync, as configured under kpi.sources (matomo, mautic, suitecrm ...).")
    private String source;

    @Override
    public Integer call() {
        try (var context = root.startContext()) {
            SyncReport report = context.getBean(SourceSync.class).sync(source, ImportListener.progressOnTerminal());
            report.lines().forEach(root.out()::println);
            root.out().flush();
            return report.succeeded() ? 0 : 1;
        }
    }
}

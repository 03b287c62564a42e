package io.kpipeline.cli;

import io.kpipeline.ingest.CsvImporter;
import io.kpipeline.ingest.Dialect;
import io.kpipeline.ingest.FileResult;
import io.kpipeline.ingest.ImportListener;
import io.kpipeline.ingest.ImportReport;
import io.kpipeline.source.ProfileImporter;
import io.kpipeline.source.ProfileReport;
import io.kpipeline.system.KpiException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Loads the CSV files of a directory into the database.",
                "One file per table, named <table>.csv (lead.csv, deal.csv, ...), UTF-8, comma-separated,",
                "with a header row. Files load in foreign-key order, each in one transaction; a row whose",
                "key is stored already replaces it. A file with a bad row is refused whole and the error",
                "names file, line, column and value; the other files still load.",
                "With --profile the directory holds a system's own exports (HubSpot, Pipedrive, Salesforce",
                "...), which the source profile config/sources/NAME.yml turns into the canonical tables;",
                "--check then reads everything, stores nothing and lists every value the profile cannot map."},
        footer = {"", "Exit status: 0 all files loaded, 1 a file was refused (or, with --check, would be), 2 usage"
                + " error."})
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The directory with the files.")
    private Path dir;

    @Option(names = "--dialect", paramLabel = "DIALECT",
            description = {"How the files are written: canonical (the default without --profile: UTF-8, comma,",
                    "decimal dot, yyyy-MM-dd) or excel-de (as German Excel saves them: ';', decimal comma,",
                    "dd.MM.yyyy, Windows-1252 or UTF-8/UTF-16 with a byte order mark). With --profile:",
                    "the exports were re-saved that way (the default is the profile's own dialect)."})
    private String dialectName;

    @Option(names = "--profile", paramLabel = "NAME",
            description = {"The source profile that maps the exports: a name of config/sources/ (hubspot,",
                    "pipedrive, salesforce) or the path of a profile file."})
    private String profile;

    @Option(names = "--check", description = {"With --profile: read and map everything, store nothing, and list",
            "per table the rows that would load and every value without a code."})
    private boolean check;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            throw KpiException.configuration("--dir " + dir + " is not a directory. Give the directory that holds"
                    + " the files.");
        }
        Dialect dialect = dialectName == null ? null : Dialect.named(dialectName).orElseThrow(() ->
                KpiException.configuration("--dialect " + dialectName + " is not a dialect; write canonical or"
                        + " excel-de."));
        if (check && profile == null) {
            throw KpiException.configuration("--check needs --profile NAME: it checks what a source profile makes of"
                    + " a system's exports.");
        }
        try (var context = root.startContext()) {
            if (profile != null) {
                ProfileReport report = context.getBean(ProfileImporter.class)
                        .run(profile, dir, dialect, check, ImportListener.progressOnTerminal());
                report.lines().forEach(root.out()::println);
                root.out().flush();
                return report.allLoaded() ? 0 : 1;
            }
            ImportReport report = context.getBean(CsvImporter.class).importDirectory(dir,
                    dialect == null ? Dialect.CANONICAL : dialect, ImportListener.progressOnTerminal());
            if (report.files().isEmpty()) {
                throw new KpiException("No CSV files in " + dir.toAbsolutePath()
                        + ". Name each file after its table, e.g. lead.csv or deal.csv.");
            }
            report.summaryLines().forEach(root.out()::println);
            root.out().println(totals(report));
            root.out().flush();
            return report.allLoaded() ? 0 : 1;
        }
    }

    private static String totals(ImportReport report) {
        long loaded = report.files().stream().filter(FileResult::loaded).count();
        long rows = report.files().stream().filter(FileResult::loaded).mapToLong(FileResult::rowsRead).sum();
        double seconds = report.files().stream().mapToDouble(FileResult::seconds).sum();
        long refused = report.files().size() - loaded;
        return String.format(Locale.ROOT, "Imported %d of %d files, %,d rows in %.1f s (%,d rows/s)%s",
                loaded, report.files().size(), rows, seconds, seconds > 0 ? Math.round(rows / seconds) : rows,
                refused == 0 ? "." : "; " + refused + (refused == 1 ? " file was" : " files were")
                        + " refused, see above.");
    }
}

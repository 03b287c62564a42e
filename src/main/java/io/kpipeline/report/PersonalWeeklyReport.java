package io.kpipeline.report;

import io.kpipeline.evaluation.BreakdownJudge;
import io.kpipeline.evaluation.FiredMeasures;
import io.kpipeline.evaluation.KpiResultRepository;
import io.kpipeline.kpi.DataNote;
import io.kpipeline.kpi.DataNotes;
import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.kpi.KpiSettings;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.system.KpiException;
import io.kpipeline.system.KpiProperties;
import io.kpipeline.system.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The personal weekly report of each active sales rep with data in the week, rendered by the weekly
 * run beside the weekly report: the rep's activity, contacts per channel, funnel conversions and win
 * rate, each beside the team, and the recommended measures whose rules fire on the rep's own values or
 * whose place to start on the team's values is the rep. A small sample shows its case count and no status;
 * a data-quality note is printed where it concerns a KPI the report shows. Written as
 * {@code <folder>/<rep-id>_<name>.pdf} in the run's folder (see {@link #fileName}), and handed on as a
 * {@link RenderedPdf} with the rep's exact id, by which the delivery finds the rep's address.
 */
@Component
public class PersonalWeeklyReport implements ReportDocument {

    static final String TEMPLATE = "PersonalWeeklyReport";
    private static final int LONGEST_ID = 120;
    private static final int KEPT_OF_LONG_ID = 100;
    private static final int LONGEST_SLUG = 60;
    private static final String HEX = "0123456789ABCDEF";

    private final ReportRenderer renderer;
    private final KpiResultRepository results;
    private final KpiCatalog catalog;
    private final BreakdownJudge judge;
    private final FiredMeasures fired;
    private final DataNotes dataNotes;
    private final PersonalQueries queries;
    private final DisplayNames names;
    private final PersonalReportSettings settings;
    private final KpiSettings kpiSettings;
    private final Currency currency;

    PersonalWeeklyReport(ReportRenderer renderer, KpiResultRepository results, KpiCatalog catalog,
            BreakdownJudge judge, FiredMeasures fired, DataNotes dataNotes, PersonalQueries queries, DisplayNames names,
            PersonalReportSettings settings, KpiSettings kpiSettings, KpiProperties properties) {
        this.names = names;
        this.renderer = renderer;
        this.results = results;
        this.catalog = catalog;
        this.judge = judge;
        this.fired = fired;
        this.dataNotes = dataNotes;
        this.queries = queries;
        this.settings = settings;
        this.kpiSettings = kpiSettings;
        this.currency = Currency.getInstance(properties.currency());
    }

    @Override
    public boolean renders(String report) {
        return WeeklyReport.REPORT.equals(report);
    }

    /** One PDF per active rep with data in the week; none when switched off or nobody was active. */
    @Override
    public List<RenderedPdf> write(Edition edition, Path folder) {
        ReportingPeriod period = edition.period();
        if (!settings.enabled()) {
            return List.of();
        }
        Map<String, String> reps = queries.activeReps(period);
        Path target = folder.resolve(settings.folder());
        List<RenderedPdf> written = new ArrayList<>();
        try {
            removeEarlierReports(target);
            if (reps.isEmpty()) {
                return written;
            }
            TeamWeek week = new TeamWeek(period,
                    results.find(WeeklyReport.REPORT, period, catalog.kpis().stream().map(KpiDefinition::id).toList()), reps,
                    queries.contactsByRepAndChannel(period), queries.contactsByRepAndChannel(period.previous()),
                    names.channels(), dataNotes.notes());
            PrivateFiles.createDirectories(target);
            for (var rep : reps.entrySet()) {
                Path file = target.resolve(fileName(rep.getKey(), rep.getValue()));
                refuseSharedFile(file, rep.getKey());
                written.add(RenderedPdf.write(file, render(week, rep.getKey(), edition), rep.getKey()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the personal reports into " + target, e);
        }
        return written;
    }

    /** A rerun of the week replaces the reports: a rep no longer active or without data keeps none. */
    private static void removeEarlierReports(Path target) throws IOException {
        if (!Files.isDirectory(target)) {
            return;
        }
        try (DirectoryStream<Path> earlier = Files.newDirectoryStream(target, "*.pdf")) {
            for (Path file : earlier) {
                Files.delete(file);
            }
        }
    }

    /**
     * The folder was emptied before: a file there already is another rep's of this run, which a file system that
     * does not tell upper from lower case ({@code REP-7} and {@code rep-7}) makes of two distinct names. That
     * rep's report must not be overwritten, nor be delivered to this rep.
     */
    private static void refuseSharedFile(Path file, String repId) {
        if (Files.exists(file)) {
            throw new KpiException("The personal report of sales rep " + repId + " would replace another rep's,"
                    + " written a moment ago: the file system takes " + file.getFileName() + " for the other's name"
                    + " (it ignores upper and lower case). Keep the reports on a file system that tells them apart"
                    + " (kpi.home or --out), or give the reps ids that differ in more than case.");
        }
    }

    /** The report of one rep of {@code week.reps()}, for a week that has ended. */
    byte[] render(TeamWeek week, String repId) {
        return render(week, repId, Edition.of(WeeklyReport.REPORT, week.period()));
    }

    /** The report of one rep of {@code week.reps()}, marked preliminary where the edition is. */
    byte[] render(TeamWeek week, String repId, Edition edition) {
        ReportFormat format = new ReportFormat(renderer.locale(), currency);
        PersonalFigures figures = new PersonalFigures(catalog, judge, format, week, repId, fired.of(week.stored()));
        ReportingPeriod period = week.period();
        String weekNumber = Integer.toString(period.start().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        String year = Integer.toString(period.start().get(IsoFields.WEEK_BASED_YEAR));
        String name = week.reps().get(repId);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("Week", weekNumber);
        parameters.put("WeekYear", year);
        parameters.put("FirstDay", format.date(period.start()));
        parameters.put("LastDay", format.date(period.last()));
        parameters.put("Preliminary", format.preliminary(edition));
        parameters.put("RepName", name);
        parameters.put("RepId", repId);
        parameters.put("ActiveReps", week.reps().size());
        parameters.put("SmallSampleLimit", kpiSettings.smallSample());
        parameters.put("ChannelSection", format.text("personal.section.channels"));
        parameters.put("MeasureRows", figures.measures());
        parameters.put("DataNotes", dataNotes(format, week, figures));
        String title = format.title(edition, format.text("personal.title", format.text("weekly.period", weekNumber,
                year)) + " · " + name);
        return renderer.render(TEMPLATE, parameters, figures.rows(), title, edition.documentDate());
    }

    /** The notes that concern a KPI the report shows, each naming those KPIs; null when there are none. */
    private String dataNotes(ReportFormat format, TeamWeek week, PersonalFigures figures) {
        List<String> notes = new ArrayList<>();
        for (DataNote note : week.notes()) {
            String concerned = figures.kpiIds().stream().filter(note.kpis()::contains)
                    .map(id -> catalog.get(id).name().in(format.locale())).collect(Collectors.joining(", "));
            if (!concerned.isEmpty()) {
                notes.add(format.text("personal.dataNote." + note.name(), concerned));
            }
        }
        return notes.isEmpty() ? null : String.join("\n", notes);
    }

    /**
     * {@code REP-03_julia-schaefer.pdf}: the rep's id, then after {@code _} the name as a plain ASCII slug. Two
     * ids never share a file: the id keeps ASCII letters, digits, {@code .} and {@code -} and writes every other
     * character as {@code %XX} per UTF-8 byte, as URLs do ({@code REP 07} is {@code REP%2007}, {@code REP/07} is
     * {@code REP%2F07}, a leading {@code .} is {@code %2E} so that no file is hidden); the escaped id holds no
     * {@code _}, so where it ends is never in doubt, and it reads back to the exact id. An id whose escaped form
     * exceeds {@value #LONGEST_ID} characters (only ids of many non-ASCII characters) keeps its first
     * {@value #KEPT_OF_LONG_ID} and adds {@code ~} and 16 hex digits of the id's SHA-256, so that the name stays
     * within the 255 bytes file systems allow; {@code ~} is escaped elsewhere, so such a name never equals
     * another id's.
     */
    static String fileName(String repId, String name) {
        String id = escapedId(repId);
        String slug = Normalizer.normalize(name.toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe")
                .replace("ü", "ue").replace("ß", "ss"), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (slug.length() > LONGEST_SLUG) {
            slug = slug.substring(0, LONGEST_SLUG).replaceAll("-$", "");
        }
        return (slug.isEmpty() ? id : id + "_" + slug) + ".pdf";
    }

    /** The id with every character but ASCII letters, digits, {@code .} and {@code -} as {@code %XX}. */
    static String escapedId(String repId) {
        StringBuilder escaped = new StringBuilder();
        byte[] bytes = repId.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean kept = b < 0x80 && (Character.isLetterOrDigit(b) || b == '-' || (b == '.' && i > 0));
            if (kept) {
                escaped.append((char) b);
            } else {
                escaped.append('%').append(HEX.charAt(b >> 4)).append(HEX.charAt(b & 0xf));
            }
        }
        if (escaped.length() <= LONGEST_ID) {
            return escaped.toString();
        }
        int cut = KEPT_OF_LONG_ID;
        while (escaped.charAt(cut - 1) == '%' || escaped.charAt(cut - 2) == '%') {
            cut--; // never cut an escape in two
        }
        return escaped.substring(0, cut) + "~" + HexFormat.of().formatHex(sha256(repId), 0, 8);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

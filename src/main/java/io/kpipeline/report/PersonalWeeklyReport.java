package io.kpipeline.report;

import io.kpipeline.evaluation.BreakdownJudge;
import io.kpipeline.evaluation.FiredMeasures;
import io.kpipeline.evaluation.KpiResultRepository;
import io.kpipeline.kpi.DataNote;
import io.kpipeline.kpi.DataNotes;
import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.kpi.KpiSettings;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.system.KpiException;
import io.kpipeline.system.KpiProperties;
import io.kpipeline.system.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
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
 * {@code <folder>/<rep-id>_<name>.pdf} in the run's folder (see {@link RepFileName}), and handed on as a
 * {@link RenderedPdf} with the rep's exact id, by which the delivery finds the rep's address.
 */
@Component
public class PersonalWeeklyReport implements ReportDocument {

    static final String TEMPLATE = "PersonalWeeklyReport";

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
    public boolean renders(ReportKind report) {
        return report == ReportKind.WEEKLY;
    }

    /**
     * Nothing in another language than the reports': each rep is written to in the reports' language (a rep's
     * address comes from sales_rep.email, which names no language).
     */
    @Override
    public List<RenderedPdf> write(Edition edition, Path folder, Locale language) {
        return language.getLanguage().equals(renderer.locale().getLanguage()) ? write(edition, folder) : List.of();
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
            TeamWeek week = week(period, reps);
            PrivateFiles.createDirectories(target);
            // rendered two at a time, written one after the other: each file is checked against those written before
            List<String> ids = List.copyOf(reps.keySet());
            List<byte[]> pdfs = renderer.each(ids, id -> render(week, id, edition));
            for (int i = 0; i < ids.size(); i++) {
                Path file = target.resolve(RepFileName.of(ids.get(i), reps.get(ids.get(i))));
                refuseSharedFile(file, ids.get(i));
                written.add(RenderedPdf.write(file, pdfs.get(i), ids.get(i)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the personal reports into " + target, e);
        }
        return written;
    }

    private TeamWeek week(ReportingPeriod period, Map<String, String> reps) {
        return week(period, reps, queries.contactsByRepAndChannel(period),
                queries.contactsByRepAndChannel(period.previous()));
    }

    /** The team's week with the contacts per channel given: none for the mails, which leave them to the PDF. */
    private TeamWeek week(ReportingPeriod period, Map<String, String> reps,
            Map<String, Map<String, BigDecimal>> contacts, Map<String, Map<String, BigDecimal>> previousContacts) {
        return new TeamWeek(period, results.find(ReportKind.WEEKLY, period), reps, contacts, previousContacts,
                names.channels(), dataNotes.notes());
    }

    /**
     * What a rep's mail shows of the personal report.
     *
     * @param repName the rep's name, null when the rep had no data in the week
     * @param figures the rep's activity, funnel conversions and win rate beside the team's, as the PDF prints them
     */
    public record MailFigures(String repName, List<PersonalRows.Figure> figures) {
    }

    /**
     * The team's week behind the personal mails of one delivery: read on the first rep's mail and kept for the
     * others, so that a team of fifty reps costs one reading and not fifty.
     */
    public MailWeek mailWeek(ReportingPeriod period) {
        return new MailWeek(period);
    }

    /** The week the personal mails of one delivery share, on the delivering thread; see {@link #mailWeek}. */
    public final class MailWeek {

        private final ReportingPeriod period;
        private Map<String, String> reps;
        private TeamWeek week;

        private MailWeek(ReportingPeriod period) {
            this.period = period;
        }

        /**
         * The rep's own figures of the week beside the team's, in {@code language}, as the personal report prints
         * them (contacts per channel left to the PDF); none when the rep had no data in the week.
         */
        public MailFigures figures(String repId, Locale language) {
            if (reps == null) {
                reps = queries.activeReps(period);
            }
            if (!reps.containsKey(repId)) {
                return new MailFigures(null, List.of());
            }
            if (week == null) {
                // the mail leaves the contacts per channel to the PDF: two reads of the week's activities fewer
                week = week(period, reps, Map.of(), Map.of());
            }
            ReportFormat format = new ReportFormat(language, currency);
            var figures = new PersonalFigures(catalog, judge, format, week, repId, fired.of(week.stored())).rows();
            return new MailFigures(reps.get(repId), figures);
        }
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
        return render(week, repId, Edition.of(ReportKind.WEEKLY, week.period()));
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
}

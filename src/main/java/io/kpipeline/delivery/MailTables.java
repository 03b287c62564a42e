package io.kpipeline.delivery;

import io.kpipeline.evaluation.KpiResultRepository;
import io.kpipeline.evaluation.StoredResult;
import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.report.Edition;
import io.kpipeline.report.FunnelFlows;
import io.kpipeline.report.PersonalWeeklyReport;
import io.kpipeline.report.ReportFormat;
import io.kpipeline.report.ReportSettings;
import io.kpipeline.report.ReviewReport;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The KPIs a mail body leads with, read from what the PDF is made of, so that a value and its status read the
 * same in mail and PDF: the weekly report's focus KPIs, a management report's revenue, MRR, won value, new
 * customers and churn, the review's KPIs off track (each as {@code kpi.reports.<report>.mail-kpis} may say
 * otherwise), and for a rep the rep's own figures beside the team's. A small sample shows its case count and
 * no status.
 */
@Component
class MailTables {

    private final KpiResultRepository results;
    private final KpiCatalog catalog;
    private final ReportSettings reports;
    private final MailKpiSettings mailKpis;
    private final PersonalWeeklyReport personal;
    private final ReviewReport review;

    MailTables(KpiResultRepository results, KpiCatalog catalog, ReportSettings reports, MailKpiSettings mailKpis,
            PersonalWeeklyReport personal, ReviewReport review) {
        this.results = results;
        this.catalog = catalog;
        this.reports = reports;
        this.mailKpis = mailKpis;
        this.personal = personal;
        this.review = review;
    }

    /** The KPIs the report's mail leads with, in the order shown. */
    List<String> kpis(ReportKind report) {
        List<String> configured = mailKpis.of(report).mailKpis();
        if (!configured.isEmpty()) {
            return configured;
        }
        return switch (report) {
            case WEEKLY -> reports.weekly().focus();
            case REVIEW -> List.of();
            case MONTHLY, QUARTERLY, YEARLY -> MailKpiSettings.MANAGEMENT.stream().filter(id -> catalog.find(id)
                    .map(KpiDefinition::enabled).orElse(false)).toList();
        };
    }

    /** The tables of the messages of one edition's delivery. */
    ForEdition of(Edition edition) {
        return new ForEdition(edition, personal.mailWeek(edition.period()));
    }

    /**
     * The tables of one edition's messages, on the delivering thread. What they share is read once for all of
     * them: the stored totals behind the report's own tables and the team's week behind each rep's table.
     */
    final class ForEdition {

        private final Edition edition;
        private final PersonalWeeklyReport.MailWeek week;
        /** The edition's stored totals by KPI, read for the first message of the report's own recipients. */
        private Map<String, StoredResult> totals;

        private ForEdition(Edition edition, PersonalWeeklyReport.MailWeek week) {
            this.edition = edition;
            this.week = week;
        }

        Edition edition() {
            return edition;
        }

        /** The table of the message of {@code to}. */
        MailTable of(Recipient to, ReportFormat format) {
            ReportingPeriod period = edition.period();
            if (!Recipient.REPORT.equals(to.document())) {
                return personal(week, period, to.document().substring("rep:".length()), format);
            }
            String first = format.date(period.start());
            String last = format.date(period.last());
            if (edition.report() == ReportKind.REVIEW && mailKpis.of(ReportKind.REVIEW).mailKpis().isEmpty()) {
                return offTrack(edition, format, first, last);
            }
            String intro = format.text(edition.report() == ReportKind.WEEKLY ? "mail.intro" : "mail.intro.lead",
                    first, last);
            List<String> heads = List.of(format.text("mail.kpi"), format.text("mail.value"),
                    format.text("mail.change"), format.text("mail.status"));
            if (totals == null) {
                totals = results.find(edition.report(), period).stream().filter(StoredResult::isTotal)
                        .collect(Collectors.toMap(StoredResult::kpiId, Function.identity()));
            }
            List<String> ids = kpis(edition.report());
            // a stage conversion over 100 % is marked as the PDF marks it, and explained under the table
            boolean overHundred = ids.stream().anyMatch(id -> totals.containsKey(id)
                    && FunnelFlows.overHundred(id, totals.get(id).value()));
            return new MailTable(null, intro, heads, stored(ids, totals, format), overHundred
                    ? List.of(format.text(edition.report() == ReportKind.WEEKLY ? "weekly.overHundred"
                            : "management.overHundred"))
                    : List.of());
        }
    }

    private List<MailTable.Row> stored(List<String> ids, Map<String, StoredResult> totals, ReportFormat format) {
        return ids.stream().map(id -> {
            KpiDefinition kpi = catalog.get(id);
            StoredResult r = totals.get(id);
            String name = kpi.name().in(format.locale());
            if (r == null) {
                return new MailTable.Row(name, format.none(), null, List.of(format.none()), null, "");
            }
            // as the PDF: no value and a small sample are not judged; a small sample shows its case count
            boolean small = r.isSmallSample();
            boolean judged = r.isJudged();
            return new MailTable.Row(name, FunnelFlows.marked(format.value(r.value(), kpi.unit()), id, r.value()),
                    small ? format.text("mail.cases", r.cases()) : null,
                    List.of(format.change(r.change(), r.relativeChange(), kpi.unit())),
                    judged ? r.status().name() : null, judged ? format.text("status." + r.status().name()) : "");
        }).toList();
    }

    /** The review's target table rows whose assessment is bad, with the PDF's words for it. */
    private MailTable offTrack(Edition edition, ReportFormat format, String first, String last) {
        var rows = review.offTrack(edition, format.locale()).stream()
                .map(t -> new MailTable.Row(t.getName(), t.getCurrent().replace("\n", " "), null,
                        List.of(t.getTarget().replace("\n", " ")), t.getTone(), t.getVerdictText().replace("\n", " ")))
                .toList();
        String intro = format.text(rows.isEmpty() ? "mail.intro.noneOffTrack" : "mail.intro.offTrack", first, last);
        List<String> heads = List.of(format.text("mail.kpi"), format.text("mail.current"), format.text("mail.target"),
                format.text("mail.verdict"));
        return new MailTable(null, intro, heads, rows, List.of());
    }

    /** The rep's own figures beside the team's, greeting the rep by name and naming the ISO week and its days. */
    private static MailTable personal(PersonalWeeklyReport.MailWeek shared, ReportingPeriod week, String repId,
            ReportFormat format) {
        var figures = shared.figures(repId, format.locale());
        var rows = figures.figures().stream().map(f -> new MailTable.Row(f.getName(),
                FunnelFlows.marked(f.getValue(), f.isValueOverHundred()), f.getCases(),
                List.of(FunnelFlows.marked(f.getTeam(), f.isTeamOverHundred())),
                f.getStatus().isEmpty() ? null : f.getStatus(),
                f.getStatus().isEmpty() ? "" : format.text("status." + f.getStatus()))).toList();
        String intro = format.text(rows.isEmpty() ? "mail.intro.personalNone" : "mail.intro.personal", week.start().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                Integer.toString(week.start().get(IsoFields.WEEK_BASED_YEAR)), format.date(week.start()),
                format.date(week.last()));
        List<String> heads = List.of(format.text("mail.kpi"), format.text("personal.column.own"),
                format.text("mail.team"), format.text("mail.status"));
        List<String> notes = new ArrayList<>();
        if (!rows.isEmpty()) {
            notes.add(format.text("mail.teamNote"));
        }
        if (figures.figures().stream().anyMatch(f -> f.isValueOverHundred() || f.isTeamOverHundred())) {
            notes.add(format.text("weekly.overHundred"));
        }
        return new MailTable(figures.repName() == null ? format.text("mail.greetingNoName")
                : format.text("mail.greeting", figures.repName()), intro, heads, rows, notes);
    }
}

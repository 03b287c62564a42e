package io.kpipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.generate.DatabaseSink;
import io.kpipeline.generate.DemoDataGenerator;
import io.kpipeline.generate.GeneratorSettings;
import io.kpipeline.job.ReportRunner;
import io.kpipeline.kpi.KpiEngine;
import io.kpipeline.model.SourceChanges;
import io.kpipeline.model.TableCounts;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.report.Edition;
import io.kpipeline.system.KpiProperties;
import io.kpipeline.system.Progress;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The freshness gate judges the amount of data on the period's last days against the same days of the
 * weeks before, on generated demo data whose end is chosen per test (weekdays busy, weekends without
 * activities, emails or funnel events), with the shipped settings of config/application.yml.
 */
@SpringBootTest
class FreshnessGateTests {

    /** Monday 2026-11-09 to Sunday 2026-11-15. */
    private static final ReportingPeriod WEEK_46 = ReportingPeriod.parse("2026-W46");
    /** Monday 2026-11-16 to Sunday 2026-11-22. */
    private static final ReportingPeriod WEEK_47 = ReportingPeriod.parse("2026-W47");

    /** The last day of the demo data in the database, null before the first test here. */
    private static LocalDate loadedUpTo;

    @Autowired
    FreshnessGate gate;
    @Autowired
    ReportRunner runner;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    TableCounts tables;
    @Autowired
    DemoDataGenerator generator;
    @Autowired
    DataSource data;

    @TempDir
    Path out;

    @Test
    void threeRowsDatedInTheFutureDoNotOpenTheGateForAPeriodWhoseDataStopsThreeDaysBeforeItsEnd(
            @Autowired KpiProperties properties) throws Exception {
        demoDataUpTo(LocalDate.of(2026, 11, 19)); // Thursday: Friday to Sunday of week 47 are missing
        LocalDate future = LocalDate.now(clock).plusDays(40);
        jdbc.update("INSERT INTO `lead` (id, channel_code, created_at) VALUES ('FUTURE-L', 'WEBSITE', ?)",
                future.atTime(9, 0));
        jdbc.update("INSERT INTO activity (id, rep_id, channel_code, type, occurred_at)"
                + " SELECT 'FUTURE-A', MIN(id), 'PHONE', 'CALL', ? FROM sales_rep", future.atTime(10, 0));
        jdbc.update("INSERT INTO email_message (id, kind, sent_at, status) VALUES ('FUTURE-E', 'NEWSLETTER', ?,"
                + " 'DELIVERED')", future.atTime(11, 0));
        Path outbox = properties.home().resolve("outbox").toAbsolutePath().normalize();
        try {
            // the latest row of each of these tables lies in the future, which the earlier check took for data
            // reaching the period's last days
            var threeTables = new DeliverySettings.Freshness(List.of("lead.created_at", "activity.occurred_at",
                    "email_message.sent_at"), 2, 6, 0.2);
            var finding = gate.check(Edition.of(ReportKind.WEEKLY, WEEK_47), threeTables);

            assertThat(finding.holds()).isTrue();
            assertThat(finding.incomplete()).startsWith("the source data of the period's last days, 2026-11-20 to"
                    + " 2026-11-22, looks incomplete compared with the same days of the 6 weeks before (at least 20 %"
                    + " of their median, or as many as the quietest of them had): ")
                    .containsPattern("activity\\.occurred_at has 0 rows \\(the weeks before: median [\\d.]+, fewest \\d+;"
                            + " needed [1-9]\\d*\\)")
                    .containsPattern("lead\\.created_at has 0 rows \\(the weeks before: median [\\d.]+, fewest \\d+;"
                            + " needed [1-9]\\d*\\)")
                    .contains("email_message.sent_at has 0 rows");
            assertThat(finding.future()).isEqualTo("rows are dated after today, " + LocalDate.now(clock)
                    + ", a data-quality problem of the source that does not count as data of the period:"
                    + " lead.created_at 1 (up to " + future + " 09:00), activity.occurred_at 1 (up to " + future
                    + " 10:00), email_message.sent_at 1 (up to " + future + " 11:00)");

            // the run holds the delivery (shipped settings); the held message and the admin's notice name the rows
            // in the future
            deleteNotices(outbox);
            var held = runner.run(ReportKind.WEEKLY, WEEK_47, out);
            assertThat(held.delivery().isHeld()).isTrue();
            assertThat(held.delivery().held()).contains("funnel_event.occurred_at has 0 rows",
                    "; besides, " + finding.future());
            assertThat(held.delivery().count(DeliveryReport.Result.WRITTEN)).isZero();
            List<Path> notices = notices(outbox);
            assertThat(notices).hasSize(1);
            assertThat(Mails.plain(read(notices.get(0)))).contains("activity.occurred_at has 0 rows",
                    "activity.occurred_at 1 (up to " + future + " 10:00)");

            // --force still delivers
            var forced = runner.run(ReportKind.WEEKLY, WEEK_47, out, new DeliveryOptions(true, false, true));
            assertThat(forced.delivery().isHeld()).isFalse();
            assertThat(forced.delivery().lines()).filteredOn(l -> l.result() == DeliveryReport.Result.WRITTEN)
                    .extracting(DeliveryReport.Line::recipient) // role:sales-team, and the reps their own reports
                    .contains("vertrieb@example.com", "sales-lead@example.com");
        } finally {
            // the other tests of this context must not see the rows in the future
            jdbc.update("DELETE FROM activity WHERE id = 'FUTURE-A'");
            jdbc.update("DELETE FROM `lead` WHERE id = 'FUTURE-L'");
            jdbc.update("DELETE FROM email_message WHERE id = 'FUTURE-E'");
            jdbc.update("DELETE FROM delivery WHERE report = 'weekly' AND period_id = ?", WEEK_47.id());
            deleteNotices(outbox);
        }
    }

    @Test
    void aCompletePeriodPasses() {
        demoDataUpTo(LocalDate.of(2026, 11, 19));

        var finding = gate.check(Edition.of(ReportKind.WEEKLY, WEEK_46));

        assertThat(finding.holds()).as(finding.incomplete()).isFalse();
        assertThat(finding.future()).isNull();
    }

    @Test
    void aDateColumnIsJudgedAsATimestampColumnIs() {
        demoDataUpTo(LocalDate.of(2026, 11, 19));
        var webTraffic = new DeliverySettings.Freshness(List.of("web_traffic_daily.date"), 2, 6, 0.2);

        // the demo's web traffic has a row for every day up to Thursday 19 November
        assertThat(gate.check(Edition.of(ReportKind.WEEKLY, WEEK_46), webTraffic).holds()).isFalse();
        var finding = gate.check(Edition.of(ReportKind.WEEKLY, WEEK_47), webTraffic);
        assertThat(finding.holds()).isTrue();
        assertThat(finding.incomplete()).contains("web_traffic_daily.date has 0 rows (the weeks before: median ");
    }

    @Test
    void aNormallyQuietWeekendDoesNotHoldAWeeklyReport() {
        // up to Friday: the weekend is missing, which holds a few leads and no activity, email or funnel event
        demoDataUpTo(LocalDate.of(2026, 11, 20));

        assertThat(gate.check(Edition.of(ReportKind.WEEKLY, WEEK_47)).holds()).isFalse();
        // nor does a Sunday alone, which in most weeks holds no activity, email or funnel event: it needs none
        var sundayOnly = new DeliverySettings.Freshness(List.of("funnel_event.occurred_at",
                "activity.occurred_at", "email_message.sent_at"), 0, 6, 0.2);
        assertThat(gate.check(Edition.of(ReportKind.WEEKLY, WEEK_47), sundayOnly).holds()).isFalse();
    }

    @Test
    void theEmailsOfDaysAReportCountedComeFromItsCountsUntilTheirMonthChanges(@Autowired KpiEngine engine) {
        demoDataUpTo(LocalDate.of(2026, 11, 19)); // Thursday: no email on Friday to Sunday of week 47
        var emails = new DeliverySettings.Freshness(List.of("email_message.sent_at"), 2, 6, 0.2);
        engine.update(List.of(WEEK_47)); // counts the emails of week 47's days: none from Friday on
        try {
            // Friday to Sunday of week 46 again a week later, written by hand: no change is recorded
            jdbc.update("""
                    INSERT INTO email_message (id, campaign_id, lead_id, rep_id, kind, sent_at, status)
                    SELECT CONCAT('COPY-', id), campaign_id, lead_id, rep_id, kind, sent_at + INTERVAL 7 DAY, status
                    FROM email_message WHERE sent_at >= '2026-11-13' AND sent_at < '2026-11-16'""");

            // the gate takes week 47's counted days as they were counted, the weeks before from the table
            var counted = gate.check(Edition.of(ReportKind.WEEKLY, WEEK_47), emails);
            assertThat(counted.holds()).isTrue();
            assertThat(counted.incomplete()).contains("email_message.sent_at has 0 rows (the weeks before: median ");

            jdbc.update(SourceChanges.RAISE_JDBC, "email_message", LocalDate.of(2026, 11, 1));

            // November changed: its days are counted in the table, where the copies are
            assertThat(gate.check(Edition.of(ReportKind.WEEKLY, WEEK_47), emails).holds()).isFalse();
        } finally {
            jdbc.update("DELETE FROM email_message WHERE id LIKE 'COPY-%'");
            jdbc.update(SourceChanges.RAISE_JDBC, "email_message", LocalDate.of(2026, 11, 1));
        }
    }

    /** The demo data from 2025-08-01 up to {@code last}, generated unless it is in the database already. */
    private void demoDataUpTo(LocalDate last) {
        if (last.equals(loadedUpTo)) {
            return;
        }
        tables.deleteAll();
        try (var sink = DatabaseSink.open(data)) {
            generator.generate(new GeneratorSettings(LocalDate.of(2025, 8, 1), last, 600, 42), sink,
                    Progress.silent("test"));
        }
        loadedUpTo = last;
    }

    private static void deleteNotices(Path outbox) throws Exception {
        for (Path notice : notices(outbox)) {
            Files.delete(notice);
        }
    }

    private static List<Path> notices(Path outbox) throws Exception {
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(p -> p.getFileName().toString().startsWith("notice-held-weekly-2026-W47-")).toList();
        }
    }

    private static MimeMessage read(Path eml) throws Exception {
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }
}

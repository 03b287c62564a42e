package io.kpipeline.benchmark;

import io.kpipeline.KpiPipelineApplication;
import io.kpipeline.evaluation.KpiEvaluator;
import io.kpipeline.generate.DatabaseSink;
import io.kpipeline.generate.DemoDataGenerator;
import io.kpipeline.generate.GenerationReport;
import io.kpipeline.generate.GeneratorSettings;
import io.kpipeline.generate.RowSink;
import io.kpipeline.job.ReportRunner;
import io.kpipeline.kpi.KpiCalculator;
import io.kpipeline.model.Table;
import io.kpipeline.model.TableCounts;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.system.Progress;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a monthly and a weekly report job cost, set against the time the database needs merely to
 * read the rows they report on. Run by {@code ./mvnw -B -Pkpi-benchmark -DskipTests verify}
 * (README, "KPI computation of a month").
 *
 * <p>For each report it runs the job twice on the same data: first for a period on an empty
 * results store, which computes every period the report compares (13 months, or 13 weeks and the
 * same week a year earlier), then for the next period with the earlier ones stored. Each run is set
 * against a plain scan of the source tables ({@code SELECT COUNT(*), SUM(column)} by the
 * calculators' date columns) over the periods it has to compute: all of them for the first run,
 * for the second those it compares that the first did not: the new month alone, or the new week and
 * the same week a year earlier (the first run computed the year-ago week of its own week only). A
 * results store that is reused needs no more than that for the second run; with a store that is
 * not, the second run computes everything again and its ratio shows it. The data is generated once
 * into the benchmark's home and reused.
 *
 * <p>A third run of the second period, with every value stored and its deliveries forgotten, computes
 * nothing and renders and delivers as the second run did: what a report costs whatever its data, set
 * against the same scan as the second run. It has no target; it shows how much of the second run's
 * allowance is left for computing.
 */
public final class KpiBenchmark {

    private static final LocalDate FROM = LocalDate.of(2025, 8, 1);
    private static final LocalDate TO = LocalDate.of(2026, 11, 21);
    private static final double FIRST_TARGET = 3;
    private static final double SECOND_TARGET = 1.5;
    /** The third run's: none. */
    private static final double NO_TARGET = Double.NaN;

    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario(ReportKind.MONTHLY, ReportingPeriod.month(YearMonth.of(2026, 9))),
            new Scenario(ReportKind.WEEKLY, ReportingPeriod.isoWeek(2026, 43)));

    /**
     * The results store, and the delivery ledger, so that each run writes its messages to the outbox as the
     * first run of a period does; tables that refer to them by a foreign key are emptied with them.
     */
    private static final List<String> STORE = List.of("kpi_value", "kpi_result", "kpi_computation", "kpi_derived",
            "customer_first_date", "customer_active_span", "customer_subscription", "customer_booked_day",
            "pipeline_closed_lead", "email_day", "email_day_built", "delivery");

    /**
     * The source tables the calculators read, each with the date column by which they pick the
     * period's rows and a column to sum, so that the plain scan reads the rows and not only an index.
     */
    private static final List<Source> SOURCES = List.of(
            new Source("`lead`", "created_at", "campaign_id IS NOT NULL"),
            new Source("email_message", "sent_at", "opened_at IS NOT NULL"),
            new Source("activity", "occurred_at", "duration_minutes"),
            new Source("funnel_event", "occurred_at", "LENGTH(stage)"),
            new Source("deal", "closed_at", "amount"),
            new Source("customer_order", "order_date", "amount"),
            new Source("subscription", "start_date", "mrr"),
            new Source("complaint", "opened_at", "LENGTH(type)"),
            new Source("feedback", "received_at", "score"),
            new Source("web_traffic_daily", "date", "sessions"),
            new Source("ad_spend_daily", "date", "cost"),
            new Source("social_daily", "date", "likes"),
            new Source("cost_entry", "month", "amount"));

    private KpiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int leads = args.length > 0 ? Integer.parseInt(args[0]) : 1_050_000;
        boolean calculators = Boolean.getBoolean("kpi-benchmark.calculators");
        Path out = Paths.get(System.getProperty("benchmark.out", "target/kpi-benchmark-out"));
        Files.createDirectories(out);
        try (ConfigurableApplicationContext context = SpringApplication.run(KpiPipelineApplication.class)) {
            DataSource dataSource = context.getBean(DataSource.class);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            String url = context.getEnvironment().getProperty("spring.datasource.url", "");
            System.out.printf(Locale.ROOT, "KPI benchmark: %s database, MariaDB/MySQL %s, max heap %d MB,"
                    + " buffer pool %d MB%n", url.isEmpty() ? "embedded" : "external " + url,
                    jdbc.queryForObject("SELECT VERSION()", String.class), Runtime.getRuntime().maxMemory() >> 20,
                    jdbc.queryForObject("SELECT @@innodb_buffer_pool_size", Long.class) >> 20);
            ensureData(context, dataSource, jdbc, leads);

            // The first pass reads the rows from disk into the buffer pool; the timed pass after it
            // finds them there, as the jobs will.
            System.out.println();
            double cold = 0;
            for (Scenario scenario : SCENARIOS) {
                cold += scan(jdbc, scenario.firstRanges()).seconds() + scan(jdbc, scenario.secondRanges()).seconds();
            }
            System.out.printf(Locale.ROOT, "Cold plain scan of all periods (loads the buffer pool): %.2f s%n", cold);
            Map<Scenario, Scan[]> scans = new LinkedHashMap<>();
            for (Scenario scenario : SCENARIOS) {
                scans.put(scenario, new Scan[] {scan(jdbc, scenario.firstRanges()), scan(jdbc, scenario.secondRanges())});
                printScans(scenario, scans.get(scenario));
            }

            ReportRunner runner = context.getBean(ReportRunner.class);
            List<Row> rows = new ArrayList<>();
            for (Scenario scenario : SCENARIOS) {
                System.out.println();
                System.out.printf(Locale.ROOT, "Emptied the results store: %s%n", clearStore(jdbc));
                Scan[] scan = scans.get(scenario);
                rows.add(new Row(scenario, "first", scenario.first(), scenario.compared().size(),
                        job(runner, scenario.kind(), scenario.first(), out), scan[0], FIRST_TARGET));
                rows.add(new Row(scenario, "second", scenario.second(), scenario.secondComputes().size(),
                        job(runner, scenario.kind(), scenario.second(), out), scan[1], SECOND_TARGET));
                System.out.printf(Locale.ROOT, "Forgot the deliveries of %s %s: %d%n", scenario.kind().key(),
                        scenario.second().id(), forgetDeliveries(jdbc, scenario.kind(), scenario.second()));
                rows.add(new Row(scenario, "again", scenario.second(), 0,
                        job(runner, scenario.kind(), scenario.second(), out), scan[1], NO_TARGET));
            }

            if (calculators) {
                timeCalculators(context, SCENARIOS.get(0).second());
            }

            System.out.println();
            System.out.printf(Locale.ROOT, "%-8s %-6s %-9s %7s %12s %9s %9s %7s %6s %10s %4s%n", "report", "run",
                    "period", "periods", "source rows", "scan s", "job s", "ratio", "target", "peak heap", "GCs");
            for (Row row : rows) {
                System.out.println(row.line());
            }
            System.out.println();
            System.out.println(summary(rows));
        }
    }

    /** A report's first run for {@code first} on an empty store and its second for the next period. */
    private record Scenario(ReportKind kind, ReportingPeriod first) {
        ReportingPeriod second() {
            return first.next();
        }

        Set<ReportingPeriod> compared() {
            return KpiEvaluator.comparedPeriods(first);
        }

        List<Range> firstRanges() {
            return Range.merged(compared());
        }

        /** What the second run compares that the first did not compute: what a reused store leaves it to do. */
        Set<ReportingPeriod> secondComputes() {
            Set<ReportingPeriod> periods = new LinkedHashSet<>(KpiEvaluator.comparedPeriods(second()));
            periods.removeAll(compared());
            return periods;
        }

        List<Range> secondRanges() {
            return Range.merged(secondComputes());
        }
    }

    /** Days {@code [start, end)}. */
    private record Range(LocalDate start, LocalDate end) {
        /** The periods' days as few ranges as they make: adjacent periods become one range. */
        static List<Range> merged(Set<ReportingPeriod> periods) {
            List<Range> ranges = new ArrayList<>();
            periods.stream().sorted(Comparator.comparing(ReportingPeriod::start)).forEach(p -> {
                Range last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
                if (last != null && !p.start().isAfter(last.end())) {
                    ranges.set(ranges.size() - 1, new Range(last.start(), p.end().isAfter(last.end()) ? p.end()
                            : last.end()));
                } else {
                    ranges.add(new Range(p.start(), p.end()));
                }
            });
            return ranges;
        }

        @Override
        public String toString() {
            return start + ".." + end.minusDays(1);
        }
    }

    /** The plain scan of some ranges: rows and seconds per source table. */
    private record Scan(List<Range> ranges, Map<String, Long> rows, Map<String, Double> perTable) {
        long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }

        double seconds() {
            return perTable.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /** Reads the ranges' rows of every source table once, by the calculators' date columns. */
    private static Scan scan(JdbcTemplate jdbc, List<Range> ranges) {
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (Source source : SOURCES) {
            for (Range range : ranges) {
                long start = System.nanoTime();
                Map<String, Object> row = jdbc.queryForMap(source.scan(), range.start(), range.end());
                seconds.merge(source.table(), (System.nanoTime() - start) / 1e9, Double::sum);
                rows.merge(source.table(), ((Number) row.get("n")).longValue(), Long::sum);
            }
        }
        return new Scan(ranges, rows, seconds);
    }

    private static void printScans(Scenario scenario, Scan[] scans) {
        System.out.println();
        System.out.printf(Locale.ROOT, "Plain scan, warm, %s: first run %s (%s), second run %s (%s)%n",
                scenario.kind().key(), scenario.first().id(), scans[0].ranges(), scenario.second().id(),
                scans[1].ranges());
        System.out.printf(Locale.ROOT, "  %-20s %12s %9s %12s %9s%n", "table", "rows", "seconds", "rows", "seconds");
        for (Source source : SOURCES) {
            String table = source.table();
            System.out.printf(Locale.ROOT, "  %-20s %,12d %9.3f %,12d %9.3f%n", table, scans[0].rows().get(table),
                    scans[0].perTable().get(table), scans[1].rows().get(table), scans[1].perTable().get(table));
        }
        System.out.printf(Locale.ROOT, "  %-20s %,12d %9.3f %,12d %9.3f%n", "total", scans[0].total(),
                scans[0].seconds(), scans[1].total(), scans[1].seconds());
    }

    /**
     * Deletes every row of the results store, children first: {@code kpi_value}, {@code kpi_result},
     * {@code kpi_computation} where it exists, and any table that refers to one of them by a
     * foreign key, so that this runs on every schema version.
     */
    private static Map<String, Integer> clearStore(JdbcTemplate jdbc) {
        Set<String> existing = new HashSet<>(jdbc.queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()", String.class));
        List<Map<String, Object>> references = jdbc.queryForList("SELECT table_name AS child,"
                + " referenced_table_name AS parent FROM information_schema.referential_constraints"
                + " WHERE constraint_schema = DATABASE()");
        Set<String> store = new LinkedHashSet<>();
        STORE.stream().filter(existing::contains).forEach(store::add);
        boolean grown = true;
        while (grown) {
            grown = false;
            for (Map<String, Object> reference : references) {
                if (store.contains((String) reference.get("parent"))) {
                    grown |= store.add((String) reference.get("child"));
                }
            }
        }
        Map<String, Integer> deleted = new LinkedHashMap<>();
        while (deleted.size() < store.size()) {
            int before = deleted.size();
            for (String table : store) {
                boolean hasChildren = references.stream().anyMatch(r -> table.equals(r.get("parent"))
                        && !table.equals(r.get("child")) && store.contains((String) r.get("child"))
                        && !deleted.containsKey((String) r.get("child")));
                if (!deleted.containsKey(table) && !hasChildren) {
                    deleted.put(table, jdbc.update("DELETE FROM `" + table + "`"));
                }
            }
            if (deleted.size() == before) {
                throw new IllegalStateException("The results store's tables refer to each other in a cycle: " + store);
            }
        }
        return deleted;
    }

    /**
     * Deletes the delivery ledger's rows of a report's period, so that running it again writes its messages to
     * the outbox as its first run did, instead of finding them delivered.
     */
    private static int forgetDeliveries(JdbcTemplate jdbc, ReportKind kind, ReportingPeriod period) {
        return jdbc.update("DELETE FROM delivery WHERE report = ? AND period_id = ?", kind.key(), period.id());
    }

    /** Runs the report's job for the period as {@code run} does, and prints its steps. */
    private static Measured job(ReportRunner runner, ReportKind kind, ReportingPeriod period, Path out)
            throws Exception {
        ReportRunner.Outcome[] outcome = new ReportRunner.Outcome[1];
        Measured job = measure(() -> {
            outcome[0] = runner.run(kind, period, out.resolve(kind.key()).resolve(period.id()));
            return outcome[0].steps().stream().mapToLong(ReportRunner.StepTime::written).sum();
        });
        System.out.printf(Locale.ROOT, "%s report job %s, run %d: %s%s%n", kind.key(), period.id(), outcome[0].run(),
                outcome[0].status(), outcome[0].failure() == null ? "" : " (" + outcome[0].failure() + ")");
        for (ReportRunner.StepTime step : outcome[0].steps()) {
            System.out.printf(Locale.ROOT, "  step %-28s %9.2f s %,8d written%n", step.step(),
                    seconds(step.duration()), step.written());
        }
        System.out.printf(Locale.ROOT, "  %-33s %9.2f s, peak heap %d MB, %d GCs%n", "job", job.seconds(),
                job.peakHeap() >> 20, job.collections());
        return job;
    }

    /** Each calculator's {@code compute} of the period on its own: which calculator is slow. */
    private static void timeCalculators(ConfigurableApplicationContext context, ReportingPeriod period)
            throws Exception {
        System.out.println();
        System.out.printf(Locale.ROOT, "Calculators one by one, %s:%n", period.id());
        System.out.printf(Locale.ROOT, "  %-32s %9s %8s %6s %10s%n", "calculator", "seconds", "values", "GCs",
                "peak heap");
        double total = 0;
        Map<String, KpiCalculator> calculators = new TreeMap<>();
        context.getBeansOfType(KpiCalculator.class).values()
                .forEach(c -> calculators.put(c.getClass().getSimpleName().replaceAll("\\$\\$.*", ""), c));
        for (Map.Entry<String, KpiCalculator> calculator : calculators.entrySet()) {
            Measured measured = measure(() -> (long) calculator.getValue().compute(period).size());
            total += measured.seconds();
            System.out.printf(Locale.ROOT, "  %-32s %9.2f %,8d %6d %7d MB%n", calculator.getKey(), measured.seconds(),
                    measured.values(), measured.collections(), measured.peakHeap() >> 20);
        }
        System.out.printf(Locale.ROOT, "  %-32s %9.2f%n", calculators.size() + " calculators", total);
    }

    private static String summary(List<Row> rows) {
        StringBuilder line = new StringBuilder("Summary:");
        long met = rows.stream().filter(Row::met).count();
        long targeted = rows.stream().filter(Row::targeted).count();
        long peak = rows.stream().mapToLong(r -> r.job().peakHeap()).max().orElse(0);
        for (Row row : rows) {
            line.append(String.format(Locale.ROOT, " %s %s %s %.1fx%s;", row.scenario().kind().key(), row.run(),
                    row.period().id(), row.ratio(), row.targeted() ? " (<= " + targetText(row.target()) + ")"
                            : " (nothing to compute)"));
        }
        return line.append(String.format(Locale.ROOT, " %d of %d ratios on target; peak heap %d MB of %d MB", met,
                targeted, peak >> 20, Runtime.getRuntime().maxMemory() >> 20)).toString();
    }

    private static String targetText(double target) {
        return target == Math.rint(target) ? Long.toString((long) target) : Double.toString(target);
    }

    /**
     * One job run of the final table, set against the plain scan of the periods it computes; the third run,
     * which computes none, against the second run's.
     */
    private record Row(Scenario scenario, String run, ReportingPeriod period, int periods, Measured job, Scan scan,
            double target) {
        double ratio() {
            return job.seconds() / scan.seconds();
        }

        boolean targeted() {
            return !Double.isNaN(target);
        }

        boolean met() {
            return targeted() && ratio() <= target;
        }

        String line() {
            return String.format(Locale.ROOT, "%-8s %-6s %-9s %7d %,12d %9.3f %9.2f %7.1f %6s %7d MB %4d",
                    scenario.kind().key(), run, period.id(), periods, scan.total(), scan.seconds(), job.seconds(),
                    ratio(), targeted() ? "<= " + targetText(target) : "-", job.peakHeap() >> 20, job.collections());
        }
    }

    /**
     * Generates the data set unless the database already holds one of the size asked for: at least
     * 95 % of the requested leads and ten emails per lead.
     */
    private static void ensureData(ConfigurableApplicationContext context, DataSource dataSource, JdbcTemplate jdbc,
            int leads) {
        long minLeads = leads * 95L / 100;
        long minEmails = minLeads * 10;
        long storedLeads = jdbc.queryForObject("SELECT COUNT(*) FROM `lead`", Long.class);
        long storedEmails = jdbc.queryForObject("SELECT COUNT(*) FROM email_message", Long.class);
        if (storedLeads >= minLeads && storedEmails >= minEmails) {
            System.out.printf(Locale.ROOT, "Reusing the stored data: %,d leads, %,d emails%n", storedLeads,
                    storedEmails);
            return;
        }
        System.out.printf(Locale.ROOT, "Stored %,d leads and %,d emails, too few: generating %,d leads over %s..%s%n",
                storedLeads, storedEmails, leads, FROM, TO);
        context.getBean(TableCounts.class).deleteAll();
        GeneratorSettings settings = new GeneratorSettings(FROM, TO, leads, 1);
        GenerationReport report;
        try (RowSink sink = new ProgressSink(DatabaseSink.open(dataSource), 2_000_000)) {
            report = context.getBean(DemoDataGenerator.class).generate(settings, sink, Progress.silent("generate"));
        } catch (Exception e) {
            throw new IllegalStateException("Generation failed: " + e.getMessage(), e);
        }
        System.out.printf(Locale.ROOT, "Generated %,d rows in %.0f s (%,d rows/s): %s%n", report.totalRows(),
                report.seconds(), report.rowsPerSecond(), new TreeMap<>(report.rowsPerTable()));
        storedLeads = jdbc.queryForObject("SELECT COUNT(*) FROM `lead`", Long.class);
        storedEmails = jdbc.queryForObject("SELECT COUNT(*) FROM email_message", Long.class);
        System.out.printf(Locale.ROOT, "Stored: %,d leads, %,d emails (%.1f emails per lead)%n", storedLeads,
                storedEmails, storedEmails / (double) storedLeads);
        if (storedLeads < minLeads || storedEmails < minEmails) {
            throw new IllegalStateException("Too few rows generated: " + storedLeads + " leads and " + storedEmails
                    + " emails, at least " + minLeads + " and " + minEmails + " needed");
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static Measured measure(Callable<Long> work) throws Exception {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long collections = collections();
        long start = System.nanoTime();
        long values = work.call();
        double seconds = (System.nanoTime() - start) / 1e9;
        // a pool's peak is recorded at every collection and when it is read: the most the step held
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Measured(seconds, values, collections() - collections, peak);
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private record Measured(double seconds, long values, long collections, long peakHeap) {
    }

    private record Source(String table, String dateColumn, String summed) {
        String scan() {
            return "SELECT COUNT(*) AS n, SUM(" + summed + ") AS s FROM " + table + " WHERE " + dateColumn
                    + " >= ? AND " + dateColumn + " < ?";
        }
    }

    /** Passes rows on and prints how far generation has come every {@code every} rows. */
    private static final class ProgressSink implements RowSink {
        private final RowSink target;
        private final long every;
        private final long started = System.nanoTime();
        private final Map<String, Long> perTable = new TreeMap<>();
        private long rows;

        ProgressSink(RowSink target, long every) {
            this.target = target;
            this.every = every;
        }

        @Override
        public void accept(Table table, Object[] values) {
            target.accept(table, values);
            perTable.merge(table.name(), 1L, Long::sum);
            if (++rows % every == 0) {
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf(Locale.ROOT, "  generated %,d rows in %.0f s (%,d rows/s), leads %,d, emails %,d%n",
                        rows, seconds, Math.round(rows / seconds), perTable.getOrDefault("lead", 0L),
                        perTable.getOrDefault("email_message", 0L));
            }
        }

        @Override
        public void finish() {
            target.finish();
        }

        @Override
        public void close() {
            target.close();
        }
    }
}

package io.kpipeline.benchmark;

import io.kpipeline.KpiPipelineApplication;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Time, throughput and heap of computing the KPIs of one month (2026-10) over at least a million
 * leads and ten million emails. Run by {@code ./mvnw -B -Pkpi-benchmark -DskipTests verify}.
 *
 * <p>It times every calculator's {@code compute} on its own, then the whole {@code monthly} report
 * job (which computes the 13 months of the trend, the same month a year earlier being the first of
 * them, then evaluates and exports the results), and sets the calculators' total against the time the database needs merely to read the
 * month's rows of the source tables: how much the KPI queries cost beyond one plain pass. The data
 * is generated once into the benchmark's own home and reused by later runs.
 */
public final class KpiBenchmark {

    private static final LocalDate FROM = LocalDate.of(2025, 8, 1);
    private static final LocalDate TO = LocalDate.of(2026, 11, 21);
    private static final ReportingPeriod MONTH = ReportingPeriod.month(YearMonth.of(2026, 10));
    private static final long MIN_LEADS = 1_000_000;
    private static final long MIN_EMAILS = 10_000_000;

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
        Path out = Paths.get(System.getProperty("benchmark.out", "target/kpi-benchmark-out"));
        Files.createDirectories(out);
        List<String> lines = new ArrayList<>();
        try (ConfigurableApplicationContext context = SpringApplication.run(KpiPipelineApplication.class)) {
            DataSource dataSource = context.getBean(DataSource.class);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            System.out.printf(Locale.ROOT, "KPI benchmark: month %s, max heap %d MB, buffer pool %d MB%n", MONTH.id(),
                    Runtime.getRuntime().maxMemory() >> 20,
                    jdbc.queryForObject("SELECT @@innodb_buffer_pool_size", Long.class) >> 20);
            ensureData(context, dataSource, jdbc, leads);

            Map<String, Long> monthRows = new TreeMap<>();
            long sourceRows = 0;
            for (Source source : SOURCES) {
                long rows = jdbc.queryForObject(source.count(), Long.class, MONTH.start(), MONTH.end());
                monthRows.put(source.table(), rows);
                sourceRows += rows;
            }
            System.out.printf(Locale.ROOT, "Rows of the source tables in %s: %,d %s%n", MONTH.id(), sourceRows,
                    monthRows);

            // The first pass reads the month's rows from disk into the buffer pool; the timed passes
            // after it find them there, like the second pass below.
            double coldScan = plainScan(jdbc, null);

            System.out.println();
            System.out.printf(Locale.ROOT, "%-34s %9s %8s %6s %12s%n", "step", "seconds", "values", "GCs",
                    "peak heap");
            double calculatorSeconds = 0;
            List<KpiCalculator> calculators = List.copyOf(context.getBeansOfType(KpiCalculator.class).values());
            for (KpiCalculator calculator : calculators) {
                String name = calculator.getClass().getSimpleName().replaceAll("\\$\\$.*", "");
                Measured measured = measure(() -> (long) calculator.compute(MONTH).size());
                calculatorSeconds += measured.seconds;
                System.out.println(measured.line(name));
            }
            double plainSeconds = plainScan(jdbc, lines);

            ReportRunner runner = context.getBean(ReportRunner.class);
            ReportRunner.Outcome[] outcome = new ReportRunner.Outcome[1];
            Measured job = measure(() -> {
                outcome[0] = runner.run(ReportKind.MONTHLY, MONTH, out);
                return outcome[0].steps().stream().mapToLong(ReportRunner.StepTime::written).sum();
            });
            System.out.println();
            System.out.printf(Locale.ROOT, "monthly report job %s, run %d: %s%s%n", MONTH.id(), outcome[0].run(),
                    outcome[0].status(), outcome[0].failure() == null ? "" : " (" + outcome[0].failure() + ")");
            for (ReportRunner.StepTime step : outcome[0].steps()) {
                System.out.printf(Locale.ROOT, "  step %-28s %9.1f s %,8d written%n", step.step(),
                        seconds(step.duration()), step.written());
            }
            System.out.println(job.line("monthly job (13 months)"));

            System.out.println();
            System.out.printf(Locale.ROOT, "%-24s %12s %9s %12s%n", "plain scan", "rows", "seconds", "rows/s");
            lines.forEach(System.out::println);
            System.out.println();
            System.out.printf(Locale.ROOT, "Calculators, %d in all, for %s: %.2f s, %,d source rows, %,d rows/s%n",
                    calculators.size(), MONTH.id(), calculatorSeconds, sourceRows,
                    Math.round(sourceRows / calculatorSeconds));
            System.out.printf(Locale.ROOT, "Plain scan of the same rows: %.2f s (%.2f s cold), %,d rows/s%n",
                    plainSeconds, coldScan, Math.round(sourceRows / plainSeconds));
            System.out.printf(Locale.ROOT, "Ratio computation / plain scan: %.1f%n", calculatorSeconds / plainSeconds);
            System.out.printf(Locale.ROOT, "Monthly job: %.1f s for 13 months%n", job.seconds);
        }
    }

    /** Generates the data set unless the database already holds one of the size the benchmark needs. */
    private static void ensureData(ConfigurableApplicationContext context, DataSource dataSource, JdbcTemplate jdbc,
            int leads) {
        long storedLeads = jdbc.queryForObject("SELECT COUNT(*) FROM `lead`", Long.class);
        long storedEmails = jdbc.queryForObject("SELECT COUNT(*) FROM email_message", Long.class);
        if (storedLeads >= MIN_LEADS && storedEmails >= MIN_EMAILS) {
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
        if (storedLeads < MIN_LEADS || storedEmails < MIN_EMAILS) {
            throw new IllegalStateException("Too few rows generated; raise benchmark.leads");
        }
    }

    /** Reads the month's rows of every source table once, by the calculators' date columns. */
    private static double plainScan(JdbcTemplate jdbc, List<String> lines) {
        double total = 0;
        for (Source source : SOURCES) {
            long start = System.nanoTime();
            Map<String, Object> row = jdbc.queryForMap(source.scan(), MONTH.start(), MONTH.end());
            double seconds = (System.nanoTime() - start) / 1e9;
            total += seconds;
            long rows = ((Number) row.get("n")).longValue();
            if (lines != null) {
                lines.add(String.format(Locale.ROOT, "%-24s %,12d %9.2f %,12d", source.table(), rows, seconds,
                        Math.round(rows / seconds)));
            }
        }
        if (lines != null) {
            lines.add(String.format(Locale.ROOT, "%-24s %12s %9.2f", "total", "", total));
        }
        return total;
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
        String line(String step) {
            return String.format(Locale.ROOT, "%-34s %9.2f %,8d %6d %9d MB", step, seconds, values, collections,
                    peakHeap >> 20);
        }
    }

    private record Source(String table, String dateColumn, String summed) {
        String count() {
            return "SELECT COUNT(*) FROM " + table + " WHERE " + dateColumn + " >= ? AND " + dateColumn + " < ?";
        }

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

package io.kpipeline.benchmark;

import io.kpipeline.KpiPipelineApplication;
import io.kpipeline.generate.CsvSink;
import io.kpipeline.generate.DatabaseSink;
import io.kpipeline.generate.DemoDataGenerator;
import io.kpipeline.generate.GenerationReport;
import io.kpipeline.generate.GeneratorSettings;
import io.kpipeline.generate.RowSink;
import io.kpipeline.ingest.CsvImporter;
import io.kpipeline.ingest.FileResult;
import io.kpipeline.ingest.ImportListener;
import io.kpipeline.ingest.ImportReport;
import io.kpipeline.model.Table;
import io.kpipeline.model.TableCounts;
import io.kpipeline.system.Progress;
import java.lang.management.ManagementFactory;
import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.MemoryUsage;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Throughput of {@code generate} (into CSV files and into the database) and of {@code import} for
 * about a million rows, with the heap they use. Run by {@code ./mvnw -B -Pbenchmark -DskipTests verify}
 * in a JVM limited to 256 MB of heap: a task whose memory grew with its rows would run out of it,
 * and the live heap after garbage collections in the second half of each task, next to the first
 * half's, shows that it stays flat.
 */
public final class IngestBenchmark {

    private static final LocalDate FROM = LocalDate.of(2025, 8, 1);
    private static final LocalDate TO = LocalDate.of(2026, 10, 31);

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long targetRows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path csv = Paths.get(System.getProperty("benchmark.csv", "target/benchmark-csv"));
        List<String> lines = new ArrayList<>();
        try (ConfigurableApplicationContext context = SpringApplication.run(KpiPipelineApplication.class)) {
            DemoDataGenerator generator = context.getBean(DemoDataGenerator.class);
            TableCounts tables = context.getBean(TableCounts.class);
            DataSource dataSource = context.getBean(DataSource.class);

            int leads = leadsFor(generator, targetRows);
            GeneratorSettings settings = new GeneratorSettings(FROM, TO, leads, 1);
            System.out.printf(Locale.ROOT, "Benchmark: %,d leads over %s..%s (about %,d rows), max heap %d MB%n",
                    leads, FROM, TO, targetRows, Runtime.getRuntime().maxMemory() >> 20);

            FileSystemUtils.deleteRecursively(csv);
            Files.createDirectories(csv);
            lines.add(measure("generate --csv", () -> {
                try (RowSink sink = new CsvSink(csv)) {
                    return generator.generate(settings, sink, Progress.silent("csv")).totalRows();
                }
            }));
            tables.deleteAll();
            lines.add(measure("generate (database)", () -> {
                try (RowSink sink = DatabaseSink.open(dataSource)) {
                    GenerationReport report = generator.generate(settings, sink, Progress.silent("db"));
                    return report.totalRows();
                }
            }));
            tables.deleteAll();
            lines.add(measure("import", () -> {
                ImportReport report = context.getBean(CsvImporter.class).importDirectory(csv, ImportListener.none());
                if (!report.allLoaded()) {
                    throw new IllegalStateException(String.join("\n", report.summaryLines()));
                }
                return report.files().stream().mapToLong(FileResult::rowsRead).sum();
            }));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-20s %10s %8s %10s %6s %15s %15s%n", "task", "rows", "seconds", "rows/s",
                "GCs", "live heap, 1st", "2nd half");
        lines.forEach(System.out::println);
    }

    /** Rows do not grow quite in proportion to leads: home in on the count by generating without storing. */
    private static int leadsFor(DemoDataGenerator generator, long targetRows) {
        int leads = 2_000;
        for (int round = 0; round < 3; round++) {
            CountingSink counter = new CountingSink();
            generator.generate(new GeneratorSettings(FROM, TO, leads, 1), counter, Progress.silent("calibrate"));
            leads = (int) Math.max(100, (long) leads * targetRows / counter.rows);
        }
        return leads;
    }

    private static String measure(String task, Callable<Long> work) throws Exception {
        HeapSampler sampler = new HeapSampler();
        System.gc();
        long start = System.nanoTime();
        sampler.start();
        long rows = work.call();
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.stop();
        return String.format(Locale.ROOT, "%-20s %,10d %8.1f %,10d %6d %12d MB %12d MB", task, rows, seconds,
                Math.round(rows / seconds), sampler.collections(), sampler.peakFirstHalf() >> 20,
                sampler.peakSecondHalf() >> 20);
    }

    /** Counts rows without storing them. */
    private static final class CountingSink implements RowSink {
        long rows;

        @Override
        public void accept(Table table, Object[] values) {
            rows++;
        }

        @Override
        public void finish() {
        }

        @Override
        public void close() {
        }
    }

    /**
     * Records the heap still in use after each garbage collection while a task runs: the live data,
     * which is what would grow if a task kept its rows.
     */
    private static final class HeapSampler implements NotificationListener {
        private final List<Long> afterGc = new ArrayList<>();
        private volatile boolean running;

        void start() {
            running = true;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener(this, null, null);
            }
        }

        void stop() throws ListenerNotFoundException {
            running = false;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).removeNotificationListener(this);
            }
        }

        @Override
        public void handleNotification(Notification notification, Object handback) {
            if (!running || !GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                    .equals(notification.getType())) {
                return;
            }
            GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                    .getGcInfo();
            long used = info.getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
            synchronized (afterGc) {
                afterGc.add(used);
            }
        }

        long peakFirstHalf() {
            synchronized (afterGc) {
                return afterGc.subList(0, afterGc.size() / 2).stream().mapToLong(Long::longValue).max().orElse(0);
            }
        }

        long peakSecondHalf() {
            synchronized (afterGc) {
                return afterGc.subList(afterGc.size() / 2, afterGc.size()).stream().mapToLong(Long::longValue)
                        .max().orElse(0);
            }
        }

        int collections() {
            synchronized (afterGc) {
                return afterGc.size();
            }
        }
    }
}

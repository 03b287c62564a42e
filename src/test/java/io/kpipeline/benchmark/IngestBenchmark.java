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
import java.lang.management.MemoryMXBean;
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
 * and the peak heap of the second half of each task, next to the first half's, shows it stays flat.
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

            CountingSink calibration = new CountingSink();
            generator.generate(new GeneratorSettings(FROM, TO, 2_000, 1), calibration, Progress.silent("calibrate"));
            int leads = (int) Math.max(1_000, targetRows * 2_000 / calibration.rows);
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
        System.out.printf(Locale.ROOT, "%-22s %12s %9s %12s %18s %18s%n", "task", "rows", "seconds", "rows/s",
                "peak heap 1st half", "peak heap 2nd half");
        lines.forEach(System.out::println);
    }

    private static String measure(String task, Callable<Long> work) throws Exception {
        HeapSampler sampler = new HeapSampler();
        System.gc();
        long start = System.nanoTime();
        sampler.start();
        long rows = work.call();
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.stop();
        return String.format(Locale.ROOT, "%-22s %,12d %9.1f %,12d %15d MB %15d MB", task, rows, seconds,
                Math.round(rows / seconds), sampler.peakFirstHalf() >> 20, sampler.peakSecondHalf() >> 20);
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

    /** Samples the used heap every 50 ms while a task runs. */
    private static final class HeapSampler {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final List<Long> samples = new ArrayList<>();
        private volatile boolean running;
        private Thread thread;

        void start() {
            running = true;
            thread = new Thread(() -> {
                while (running) {
                    long used = memory.getHeapMemoryUsage().getUsed();
                    synchronized (samples) {
                        samples.add(used);
                    }
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long peakFirstHalf() {
            synchronized (samples) {
                return samples.subList(0, samples.size() / 2).stream().mapToLong(Long::longValue).max().orElse(0);
            }
        }

        long peakSecondHalf() {
            synchronized (samples) {
                return samples.subList(samples.size() / 2, samples.size()).stream().mapToLong(Long::longValue)
                        .max().orElse(0);
            }
        }
    }
}

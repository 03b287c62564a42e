package io.kpipeline.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.model.CanonicalModel;
import io.kpipeline.model.Column;
import io.kpipeline.model.Table;
import io.kpipeline.model.TableCounts;
import io.kpipeline.system.Progress;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class DatabaseSinkTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DemoDataGenerator generator;

    @BeforeEach
    void emptyTheCanonicalTables(@Autowired TableCounts tables) {
        tables.deleteAll();
    }

    @Test
    void storesExactlyTheRowsTheReportCountsAndEveryForeignKeyResolves() {
        GenerationReport report = generate(new GeneratorSettings(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 30),
                600, 7));

        for (Table table : CanonicalModel.tables()) {
            Long stored = jdbc.queryForObject("SELECT COUNT(*) FROM " + table.sqlName(), Long.class);
            assertThat(stored).as(table.name()).isEqualTo(report.rows(table.name())).isPositive();
        }
        for (Table table : CanonicalModel.tables()) {
            for (Column fk : table.foreignKeys()) {
                Table parent = CanonicalModel.table(fk.references()).orElseThrow();
                String key = parent.key().get(0);
                Long dangling = jdbc.queryForObject("SELECT COUNT(*) FROM " + table.sqlName() + " c LEFT JOIN "
                        + parent.sqlName() + " p ON p." + key + " = c." + fk.name() + " WHERE c." + fk.name()
                        + " IS NOT NULL AND p." + key + " IS NULL", Long.class);
                assertThat(dangling).as(table.name() + "." + fk.name()).isZero();
            }
        }
    }

    @Test
    void storesMoneyTimestampsAndBooleansAsGenerated() {
        generate(new GeneratorSettings(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), 200, 11));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sales_rep WHERE active = FALSE", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT MAX(sent_at) FROM email_message", java.time.LocalDateTime.class))
                .isBefore(LocalDate.of(2026, 4, 1).atStartOfDay());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ad_spend_daily WHERE campaign_id IS NULL", Long.class))
                .isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cost_entry WHERE channel_code IS NULL", Long.class))
                .isEqualTo(2);
    }

    @Test
    void aReplacementStoppedBeforeItsEndKeepsTheOldRowsAndAFinishedOneHoldsOnlyTheNew() {
        generate(new GeneratorSettings(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), 200, 11));
        long leads = jdbc.queryForObject("SELECT COUNT(*) FROM `lead`", Long.class);
        long emails = jdbc.queryForObject("SELECT COUNT(*) FROM email_message", Long.class);

        try (DatabaseSink sink = DatabaseSink.replacing(dataSource)) {
            // a generation that fails (or is stopped) after rows went to the database, before finish
            generator.generate(new GeneratorSettings(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 30), 600, 7),
                    new RowSink() {
                        @Override
                        public void accept(Table table, Object[] values) {
                            sink.accept(table, values);
                        }

                        @Override
                        public void finish() {
                            throw new IllegalStateException("stopped");
                        }

                        @Override
                        public void close() {
                        }
                    }, Progress.silent("test"));
        } catch (IllegalStateException stopped) {
            assertThat(stopped).hasMessage("stopped");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM `lead`", Long.class)).isEqualTo(leads);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM email_message", Long.class)).isEqualTo(emails);

        GenerationReport replaced;
        try (DatabaseSink sink = DatabaseSink.replacing(dataSource)) {
            replaced = generator.generate(new GeneratorSettings(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 30),
                    600, 7), sink, Progress.silent("test"));
        }
        for (Table table : CanonicalModel.tables()) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table.sqlName(), Long.class)).as(table.name())
                    .isEqualTo(replaced.rows(table.name()));
        }
    }

    private GenerationReport generate(GeneratorSettings settings) {
        try (DatabaseSink sink = DatabaseSink.open(dataSource)) {
            GenerationReport report = generator.generate(settings, sink, Progress.silent("test"));
            System.out.printf("%,d rows in %.2f s: %,d rows/s%n", report.totalRows(), report.seconds(),
                    report.rowsPerSecond());
            return report;
        }
    }
}

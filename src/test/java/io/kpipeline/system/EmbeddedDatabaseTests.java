package io.kpipeline.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.model.CanonicalModel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class EmbeddedDatabaseTests {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void migrationsCreateEveryCanonicalTableAndTheBatchAndQuartzTables() {
        List<String> tables = jdbc.queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()", String.class);
        assertThat(tables).containsAll(CanonicalModel.tables().stream().map(t -> t.name()).toList());
        assertThat(tables).contains("BATCH_JOB_EXECUTION", "BATCH_STEP_EXECUTION", "QRTZ_TRIGGERS", "QRTZ_LOCKS");
    }

    @Test
    void everyModelColumnExistsInTheSchemaWithItsNullability() {
        for (var table : CanonicalModel.tables()) {
            for (var column : table.columns()) {
                String nullable = jdbc.queryForObject("""
                        SELECT is_nullable FROM information_schema.columns
                        WHERE table_schema = DATABASE() AND table_name = ? AND column_name = ?""",
                        String.class, table.name(), column.name());
                assertThat(nullable).as(table.name() + "." + column.name()).isEqualTo(column.required() ? "NO" : "YES");
            }
        }
    }

    @Test
    void textLengthsAndWideCountsOfTheModelMatchTheSchema() {
        for (var table : CanonicalModel.tables()) {
            for (var column : table.columns()) {
                var info = jdbc.queryForMap("""
                        SELECT data_type, character_maximum_length FROM information_schema.columns
                        WHERE table_schema = DATABASE() AND table_name = ? AND column_name = ?""",
                        table.name(), column.name());
                String where = table.name() + "." + column.name();
                switch (column.type()) {
                    case TEXT -> assertThat(((Number) info.get("character_maximum_length")).intValue()).as(where)
                            .isEqualTo(column.maxLength());
                    case LONG_TEXT -> assertThat(info.get("data_type")).as(where).isEqualTo("text");
                    case LARGE_COUNT -> assertThat(info.get("data_type")).as(where).isEqualTo("bigint");
                    case COUNT, INTEGER, SCORE -> assertThat(info.get("data_type")).as(where).isEqualTo("int");
                    default -> { }
                }
            }
        }
    }

    @Test
    void theServerIsMariaDbOnLoopbackWithUtf8mb4() {
        assertThat(jdbc.queryForObject("SELECT VERSION()", String.class)).contains("MariaDB");
        assertThat(jdbc.queryForObject("SELECT @@character_set_server", String.class)).isEqualTo("utf8mb4");
        assertThat(jdbc.queryForObject("SELECT @@bind_address", String.class)).isEqualTo("127.0.0.1");
    }
}

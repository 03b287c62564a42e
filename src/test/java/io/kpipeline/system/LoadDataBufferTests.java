package io.kpipeline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class LoadDataBufferTests {

    private static final List<String> COLUMNS = List.of("id", "note", "at", "day", "amount", "flag", "n");

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void table() {
        jdbc.execute("DROP TABLE IF EXISTS load_probe");
        jdbc.execute("""
                CREATE TABLE load_probe (id VARCHAR(10) PRIMARY KEY, note VARCHAR(100) NULL, at DATETIME NULL,
                    day DATE NULL, amount DECIMAL(14,2) NULL, flag BOOLEAN NULL, n BIGINT NULL)
                DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin""");
    }

    @Test
    void theEmbeddedServerAllowsLoadingFromMemory() {
        assertThat(jdbc.execute((ConnectionCallback<Boolean>) LoadDataBuffer::isSupported)).isTrue();
    }

    @Test
    void valuesArriveUnchangedIncludingEscapesUmlautsAndNull() {
        LoadDataBuffer buffer = new LoadDataBuffer();
        buffer.add(new Object[] {"a", "tab\there, line\nbreak, back\\slash \\N, Müller €", LocalDateTime.of(2026, 3, 29, 2, 30),
                LocalDate.of(2026, 2, 28), new BigDecimal("1234.50"), true, 9_000_000_000L});
        buffer.add(new Object[] {"b", null, null, null, null, false, 0});
        long loaded = jdbc.execute((ConnectionCallback<Long>) c -> buffer.loadInto(c, "load_probe", COLUMNS));

        assertThat(loaded).isEqualTo(2);
        assertThat(buffer.rows()).isZero();
        Map<String, Object> a = jdbc.queryForMap("SELECT * FROM load_probe WHERE id = 'a'");
        assertThat(a.get("note")).isEqualTo("tab\there, line\nbreak, back\\slash \\N, Müller €");
        // 02:30 on the day clocks go forward in Berlin: stored as written, no time zone shift.
        assertThat(a.get("at")).isEqualTo(LocalDateTime.of(2026, 3, 29, 2, 30));
        assertThat(a.get("day")).isEqualTo(java.sql.Date.valueOf("2026-02-28"));
        assertThat(a.get("amount")).isEqualTo(new BigDecimal("1234.50"));
        assertThat(a.get("flag")).isEqualTo(true);
        assertThat(a.get("n")).isEqualTo(9_000_000_000L);
        Map<String, Object> b = jdbc.queryForMap("SELECT * FROM load_probe WHERE id = 'b'");
        assertThat(b.get("note")).isNull();
        assertThat(b.get("at")).isNull();
        assertThat(b.get("amount")).isNull();
        assertThat(b.get("flag")).isEqualTo(false);
    }

    @Test
    void aRowTheServerSkipsFailsTheLoadInsteadOfVanishing() {
        LoadDataBuffer buffer = new LoadDataBuffer();
        buffer.add(new Object[] {"same", null, null, null, null, null, 1});
        buffer.add(new Object[] {"same", null, null, null, null, null, 2});
        assertThatThrownBy(() -> jdbc.execute((ConnectionCallback<Long>) c -> buffer.loadInto(c, "load_probe", COLUMNS)))
                .hasRootCauseInstanceOf(SQLException.class)
                .rootCause().hasMessageStartingWith("LOAD DATA stored 1 of 2 rows into load_probe: Duplicate entry 'same'");
    }
}

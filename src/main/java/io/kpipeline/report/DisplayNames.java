package io.kpipeline.report;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The names the reports print for the ids and codes in the results: sales reps, channels, campaigns. */
@Component
class DisplayNames {

    private final JdbcTemplate jdbc;

    DisplayNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Sales rep names by id. */
    Map<String, String> reps() {
        return names("SELECT id, name FROM sales_rep");
    }

    /** Channel names by code. */
    Map<String, String> channels() {
        return names("SELECT code, name FROM channel");
    }

    /** Campaign names by id. */
    Map<String, String> campaigns() {
        return names("SELECT id, name FROM campaign");
    }

    private Map<String, String> names(String sql) {
        Map<String, String> names = new HashMap<>();
        jdbc.query(sql, rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        return names;
    }
}

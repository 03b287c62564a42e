package io.kpipeline.report;

import io.kpipeline.kpi.KpiDefinition.Dimension;
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

    /** Rep, channel and campaign names together, for a report that names breakdown values of any dimension. */
    Names names() {
        return new Names(reps(), channels(), campaigns());
    }

    /**
     * Sales rep names by id, channel names by code, campaign names by id; the codes of the other dimensions
     * (segments, networks, email kinds, complaint types) print as they are.
     */
    record Names(Map<String, String> reps, Map<String, String> channels, Map<String, String> campaigns) {

        /** The name of a breakdown value, or the value itself where it has none. */
        String of(Dimension dimension, String value) {
            Map<String, String> names = switch (dimension) {
                case REP -> reps;
                case CHANNEL -> channels;
                case CAMPAIGN -> campaigns;
                default -> Map.of();
            };
            return names.getOrDefault(value, value);
        }
    }

    private Map<String, String> names(String sql) {
        Map<String, String> names = new HashMap<>();
        jdbc.query(sql, rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        return names;
    }
}

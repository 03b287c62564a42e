package io.kpipeline.delivery;

import io.kpipeline.kpi.EmailDays;
import io.kpipeline.model.CanonicalModel;
import io.kpipeline.model.Column;
import io.kpipeline.model.ColumnType;
import io.kpipeline.model.Table;
import io.kpipeline.period.DayRuns;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What the freshness gate reads of a source table's date column, each through the column's date index: the
 * rows per day of the days it compares (the emails of counted days from their counts), the first and last row of the weeks they span, whether there are rows
 * before them, and the rows dated after today.
 */
@Repository
class FreshnessQueries {

    /** Rows per day in the ranges {@code %4$s}, each {@code [from<i>, to<i>)}. */
    private static final String DAYS = """
            SELECT DATE(%1$s) AS day, COUNT(*) AS n FROM %2$s
             WHERE %3$s(%4$s)
             GROUP BY DATE(%1$s)""";
    private static final String RANGE = "(%1$s >= :from%2$d AND %1$s < :to%2$d)";
    private static final String SPAN =
            "SELECT MIN(%1$s) AS first, MAX(%1$s) AS last FROM %2$s WHERE %3$s%1$s >= :from AND %1$s < :to";
    private static final String BEFORE = "SELECT EXISTS (SELECT 1 FROM %2$s WHERE %3$s%1$s < :to)";
    private static final String FROM = "SELECT COUNT(*) AS n, MAX(%1$s) AS latest FROM %2$s WHERE %3$s%1$s >= :from";
    /**
     * Date columns whose index leads with a code column ({@code ix_funnel_event_stage_occurred}): the queries
     * name every code of it, so that they range over the index instead of scanning it whole.
     */
    private static final Map<String, String> LEADING_CODE = Map.of("funnel_event.occurred_at", "stage");
    /** The column by whose days the email KPIs count the emails ({@link EmailDays}). */
    private static final String EMAILS_SENT = "email_message.sent_at";

    /**
     * A checked column; its SQL names come from the data model, never from the setting's text.
     *
     * @param entry   the setting's {@code table.column}
     * @param leading the code column the column's index leads with, or null
     * @param codes   that column's codes
     */
    record Source(String entry, String column, String table, String leading, List<String> codes) {

        private String sql(String template) {
            return sql(template, "");
        }

        private String sql(String template, String ranges) {
            return String.format(Locale.ROOT, template, "`" + column + "`", table,
                    leading == null ? "" : "`" + leading + "` IN (:codes) AND ", ranges);
        }

        private MapSqlParameterSource parameters(LocalDate from, LocalDate to) {
            return new MapSqlParameterSource("codes", codes).addValue("from", from == null ? null : from.atStartOfDay())
                    .addValue("to", to == null ? null : to.atStartOfDay());
        }
    }

    /** The days from {@code first} to {@code last}, both included: days compared, or the first and last with rows. */
    record Span(LocalDate first, LocalDate last) {
    }

    /** How many rows are dated on or after a day, and the latest. */
    record Later(long rows, LocalDateTime latest) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final EmailDays emailDays;

    FreshnessQueries(NamedParameterJdbcTemplate jdbc, EmailDays emailDays) {
        this.jdbc = jdbc;
        this.emailDays = emailDays;
    }

    /** The timestamp or date column {@code table.column} of the data model, or empty when there is none. */
    static Optional<Source> source(String entry) {
        String[] parts = entry.split("\\.", 2);
        if (parts.length != 2) {
            return Optional.empty();
        }
        Optional<Table> table = CanonicalModel.table(parts[0]);
        Optional<Column> column = table.flatMap(t -> t.column(parts[1]));
        String leading = LEADING_CODE.get(entry);
        List<String> codes = leading == null ? List.of() : table.flatMap(t -> t.column(leading)).orElseThrow().codes();
        return column.filter(c -> c.type() == ColumnType.TIMESTAMP || c.type() == ColumnType.DATE)
                .map(c -> new Source(entry, c.name(), table.get().sqlName(), leading, codes));
    }

    /**
     * The rows of each day of {@code ranges} that has any; the ranges do not overlap. The emails of the days the
     * reports have counted, and that have not changed since, come from those counts ({@link EmailDays}); only the
     * other days are counted here.
     */
    Map<LocalDate, Long> rowsPerDay(Source source, List<Span> ranges) {
        if (!EMAILS_SENT.equals(source.entry())) {
            return count(source, ranges);
        }
        Set<LocalDate> days = new TreeSet<>();
        ranges.forEach(r -> r.first().datesUntil(r.last().plusDays(1)).forEach(days::add));
        Map<LocalDate, Long> perDay = new HashMap<>(emailDays.emailsOfCountedDays(days));
        // the days left, as runs of consecutive days
        List<Span> left = DayRuns.of(days.stream().filter(day -> !perDay.containsKey(day)).toList()).stream()
                .map(run -> new Span(run.get(0), run.get(run.size() - 1))).toList();
        if (!left.isEmpty()) {
            perDay.putAll(count(source, left));
        }
        return perDay;
    }

    private Map<LocalDate, Long> count(Source source, List<Span> ranges) {
        MapSqlParameterSource parameters = source.parameters(null, null);
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            conditions.add(String.format(Locale.ROOT, RANGE, "`" + source.column() + "`", i));
            parameters.addValue("from" + i, ranges.get(i).first().atStartOfDay())
                    .addValue("to" + i, ranges.get(i).last().plusDays(1).atStartOfDay());
        }
        Map<LocalDate, Long> perDay = new HashMap<>();
        jdbc.query(source.sql(DAYS, String.join(" OR ", conditions)), parameters, rs -> {
            perDay.put(rs.getDate("day").toLocalDate(), rs.getLong("n"));
        });
        return perDay;
    }

    /** The first and last day in {@code [from, to)} that has rows, or empty when none has. */
    Optional<Span> span(Source source, LocalDate from, LocalDate to) {
        return jdbc.queryForObject(source.sql(SPAN), source.parameters(from, to), (rs, i) ->
                rs.getTimestamp("first") == null ? Optional.<Span>empty()
                        : Optional.of(new Span(rs.getTimestamp("first").toLocalDateTime().toLocalDate(),
                                rs.getTimestamp("last").toLocalDateTime().toLocalDate())));
    }

    /** Whether any row is dated before {@code day}. */
    boolean rowsBefore(Source source, LocalDate day) {
        return Boolean.TRUE.equals(jdbc.queryForObject(source.sql(BEFORE), source.parameters(null, day),
                Boolean.class));
    }

    /** The rows dated on or after {@code day}. */
    Later rowsFrom(Source source, LocalDate day) {
        return jdbc.queryForObject(source.sql(FROM), source.parameters(day, null), (rs, i) -> new Later(
                rs.getLong("n"), rs.getTimestamp("latest") == null ? null : rs.getTimestamp("latest").toLocalDateTime()));
    }
}

package io.kpipeline.delivery;

import io.kpipeline.model.CanonicalModel;
import io.kpipeline.model.Column;
import io.kpipeline.model.ColumnType;
import io.kpipeline.model.Table;
import io.kpipeline.report.Edition;
import io.kpipeline.system.KpiException;
import io.kpipeline.system.NeedsNoDatabase;
import io.kpipeline.system.Origins;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Holds a delivery while the period's source data is incomplete: each {@code table.column} of
 * {@code kpi.delivery.freshness.<report>.tables} must hold a timestamp on or after the period's
 * last day, less {@code quiet-days} (a weekend without activities), which shows that the data
 * was loaded up to the end of the period. A preliminary report's data must reach its last day of
 * data the same way.
 */
@Component
@NeedsNoDatabase
class FreshnessGate implements InitializingBean {

    private final DeliverySettings settings;
    private final ObjectProvider<JdbcTemplate> jdbc;
    private final Environment environment;

    /** The database is reached only when a delivery is checked; the settings are checked without it. */
    FreshnessGate(DeliverySettings settings, ObjectProvider<JdbcTemplate> jdbc, Environment environment) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.environment = environment;
    }

    /** Entries that name no timestamp or date column of the model stop start-up. */
    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        settings.freshness().forEach((report, freshness) -> {
            String base = "kpi.delivery.freshness." + report + ".tables";
            if (!RecipientDirectory.REPORTS.contains(report)) {
                problems.add("kpi.delivery.freshness." + report + " is not a report; use weekly, monthly, quarterly, yearly or review"
                        + Origins.of(environment, base + "[0]"));
            }
            for (int i = 0; i < freshness.tables().size(); i++) {
                String entry = freshness.tables().get(i);
                if (column(entry).isEmpty()) {
                    problems.add(base + "[" + i + "] = " + entry + " is not a timestamp or date column of the data"
                            + " model; write table.column, e.g. lead.created_at (see the command tables)"
                            + Origins.of(environment, base + "[" + i + "]"));
                }
            }
        });
        if (!problems.isEmpty()) {
            throw KpiException.configuration(String.join("; ", problems) + ".");
        }
    }

    private static Optional<String> column(String entry) {
        String[] parts = entry.split("\\.", 2);
        if (parts.length != 2) {
            return Optional.empty();
        }
        Optional<Table> table = CanonicalModel.table(parts[0]);
        Optional<Column> column = table.flatMap(t -> t.column(parts[1]));
        return column.filter(c -> c.type() == ColumnType.TIMESTAMP || c.type() == ColumnType.DATE)
                .map(c -> "SELECT MAX(`" + c.name() + "`) FROM " + table.get().sqlName());
    }

    /** Why the period's data is not complete, naming each table and its latest timestamp; empty when it is. */
    Optional<String> check(Edition edition) {
        List<String> stale = new ArrayList<>();
        DeliverySettings.Freshness freshness = settings.freshness(edition.report());
        LocalDate last = edition.documentDate();
        LocalDate due = last.minusDays(freshness.quietDays());
        for (String entry : freshness.tables()) {
            String sql = column(entry).orElseThrow();
            Timestamp latest = jdbc.getObject().queryForObject(sql, Timestamp.class);
            if (latest == null) {
                stale.add(entry + " has no data at all");
            } else {
                LocalDateTime at = latest.toLocalDateTime();
                if (at.toLocalDate().isBefore(due)) {
                    stale.add(entry + " reaches only " + at.toString().replace('T', ' '));
                }
            }
        }
        return stale.isEmpty() ? Optional.empty()
                : Optional.of("the source data does not reach " + due + " (" + (edition.isPreliminary()
                        ? "the preliminary report's last day of data " : "the period's last day ") + last
                        + (freshness.quietDays() == 0 ? "" : " less " + freshness.quietDays() + " quiet days") + "): "
                        + String.join(", ", stale));
    }
}

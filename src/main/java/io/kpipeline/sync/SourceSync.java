package io.kpipeline.sync;

import io.kpipeline.ingest.Dialect;
import io.kpipeline.ingest.FileResult;
import io.kpipeline.ingest.ImportListener;
import io.kpipeline.ingest.TableLoader;
import io.kpipeline.model.CanonicalModel;
import io.kpipeline.model.Column;
import io.kpipeline.model.Table;
import io.kpipeline.sync.SyncReport.Status;
import io.kpipeline.sync.SyncReport.TableSync;
import io.kpipeline.system.KpiException;
import io.kpipeline.system.KpiProperties;
import io.kpipeline.system.PasswordFiles;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Syncs one source database ({@code kpi.sources.<name>}) through its sync profile: for each canonical table the
 * profile fills, in foreign-key order, the rows changed since the table's last successful sync are read with the
 * profile's query on a read-only connection and loaded through the import's {@link TableLoader} (validation,
 * staging, key and reference checks, upsert), in one transaction together with the table's new change mark. A
 * refused table stores nothing and keeps its mark; tables that refer to it are not read.
 */
@Component
public class SourceSync implements InitializingBean {

    /** The change mark of a table never synced: everything has changed since. */
    static final LocalDateTime BEGINNING = LocalDateTime.of(1970, 1, 1, 0, 0);

    private final SourceSettings settings;
    private final SyncProfiles profiles;
    private final SyncLedger ledger;
    private final TableLoader loader;
    private final TransactionTemplate transaction;
    private final ZoneId business;

    SourceSync(SourceSettings settings, SyncProfiles profiles, SyncLedger ledger, TableLoader loader,
            PlatformTransactionManager transactions, KpiProperties kpi) {
        this.settings = settings;
        this.profiles = profiles;
        this.ledger = ledger;
        this.loader = loader;
        this.transaction = new TransactionTemplate(transactions);
        this.business = kpi.zone();
    }

    /**
     * Every configured source needs a URL and a profile that loads, checked whenever the application starts (so
     * that check-config and the scheduler's start report a wrong one at once, not the first sync at night).
     */
    @Override
    public void afterPropertiesSet() {
        settings.sources().forEach((name, source) -> {
            if (source.url() == null || source.url().isBlank()) {
                throw KpiException.configuration("setting kpi.sources." + name + ".url is missing: give the JDBC URL"
                        + " of the source database, e.g. jdbc:mysql://host:3306/" + name + ".");
            }
            if (source.password() != null && source.passwordFile() != null) {
                throw KpiException.configuration("settings kpi.sources." + name + ".password and kpi.sources." + name
                        + ".password-file both give a password. Keep one of them.");
            }
            try {
                profiles.load(source.profileOr(name));
            } catch (KpiException e) {
                throw KpiException.configuration("kpi.sources." + name + ": " + e.getMessage());
            }
        });
    }

    /** The configured sources' names. */
    public List<String> sources() {
        return List.copyOf(settings.sources().keySet());
    }

    /**
     * Syncs source {@code name}.
     *
     * @throws KpiException when the source is not configured, its profile is wrong or its database cannot be reached
     */
    public SyncReport sync(String name, ImportListener listener) {
        SourceSettings.Source source = settings.sources().get(name);
        if (source == null) {
            throw KpiException.configuration("No source " + name + " is configured: set kpi.sources." + name + ".url"
                    + " (and username, password or password-file) in config/application.yml"
                    + (settings.sources().isEmpty() ? "." : "; configured are " + String.join(", ", sources()) + "."));
        }
        // url and password were checked at start-up (afterPropertiesSet)
        SyncProfiles.Loaded profile = profiles.load(source.profileOr(name));
        long run = ledger.startRun(name);
        List<TableSync> outcomes = new ArrayList<>();
        String failure = null;
        try (Connection connection = connect(name, source)) {
            syncTables(name, profile, connection, listener, outcomes);
            connection.commit();
        } catch (SQLException e) {
            failure = "the source database " + source.url() + " cannot be read: " + e.getMessage();
        } catch (RuntimeException e) {
            ledger.finishRun(run, false, 0, 0, e.getMessage());
            throw e;
        }
        SyncReport draft = new SyncReport(name, outcomes, Optional.empty());
        boolean succeeded = failure == null && draft.succeeded();
        ledger.finishRun(run, succeeded, draft.rowsRead(), draft.rowsLoaded(), failure != null ? failure
                : succeeded ? null : outcomes.stream().filter(t -> t.message() != null).map(TableSync::message)
                        .findFirst().orElse(null));
        if (failure != null) {
            throw new KpiException("Sync of " + name + ": " + failure + ". Check kpi.sources." + name + ".url, username"
                    + " and password, and that the account may read the profile's tables.");
        }
        return new SyncReport(name, outcomes, ledger.lastSuccess(name));
    }

    private void syncTables(String name, SyncProfiles.Loaded profile, Connection connection, ImportListener listener,
            List<TableSync> outcomes) throws SQLException {
        Set<String> refused = new HashSet<>();
        Dialect dialect = new Dialect(profile.name(), Dialect.Encoding.UTF_8, ',', Dialect.Decimal.DOT, profile.zone(),
                List.of());
        SyncQuery.Bound parameters = SyncQuery.parameters(profile.profile().parameters());
        for (Table table : CanonicalModel.tables()) {
            SyncProfile.TableQuery mapping = profile.profile().tables().get(table.name());
            if (mapping == null) {
                continue;
            }
            String refusedParent = table.foreignKeys().stream().map(Column::references).filter(refused::contains)
                    .findFirst().orElse(null);
            if (refusedParent != null) {
                refused.add(table.name());
                outcomes.add(new TableSync(table.name(), Status.SKIPPED, 0, 0, 0, Optional.empty(), List.of(), 0,
                        "it refers to " + refusedParent + ", which was refused"));
                continue;
            }
            TableSync outcome = syncTable(name, profile, table, mapping, connection, dialect, parameters, listener);
            if (outcome.status() == Status.REFUSED) {
                refused.add(table.name());
            }
            outcomes.add(outcome);
        }
    }

    private TableSync syncTable(String name, SyncProfiles.Loaded profile, Table table, SyncProfile.TableQuery mapping,
            Connection connection, Dialect dialect, SyncQuery.Bound parameters, ImportListener listener)
            throws SQLException {
        long start = System.nanoTime();
        Optional<LocalDateTime> since = mapping.changes() == null ? Optional.empty()
                : ledger.lastChange(name, table.name());
        SyncQuery query = new SyncQuery(profile.queries().get(table.name()).file(),
                profile.queries().get(table.name()).sql());
        List<SyncQuery.Bound> runs = new ArrayList<>();
        LocalDateTime lastChange = null;
        List<LocalDate> days = List.of();
        if (mapping.changes() == null) {
            runs.add(parameters.with("since", BEGINNING).with("until", LocalDateTime.of(9999, 12, 31, 23, 59, 59)));
        } else {
            SyncProfiles.Query changes = profile.queries().get(table.name() + "#changes");
            LocalDateTime[] range = changes(connection, new SyncQuery(changes.file(), changes.sql()),
                    parameters.with("since", since.orElse(BEGINNING)));
            if (range == null) {
                return new TableSync(table.name(), Status.UNCHANGED, 0, 0, 0, since, List.of(), seconds(start), null);
            }
            lastChange = range[1];
            if (mapping.byDay()) {
                LocalDate first = businessDay(range[0], profile.zone());
                LocalDate last = businessDay(range[1], profile.zone());
                days = List.of(first, last);
                for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                    runs.add(parameters.with("day", day).with("day_start", sourceTime(day, profile.zone()))
                            .with("day_end", sourceTime(day.plusDays(1), profile.zone())));
                }
            } else {
                runs.add(parameters.with("since", since.orElse(BEGINNING)).with("until", range[1]));
            }
        }
        LocalDateTime mark = lastChange;
        List<LocalDate> computed = days;
        QueryRows rows;
        try {
            rows = new QueryRows(connection, query, runs, dialect);
        } catch (SQLException e) {
            return new TableSync(table.name(), Status.REFUSED, 0, 0, 0, since, computed, seconds(start),
                    query.file() + ": the source database refused the query (" + e.getMessage() + ")");
        }
        try (rows) {
            FileResult result = transaction.execute(status -> {
                FileResult r = loader.load(table, rows, TableLoader.Duplicates.REFUSE, listener);
                if (r.loaded()) {
                    ledger.recordLoad(name, table.name(), mark, r.rowsRead(), r.inserted(), r.updated());
                } else {
                    status.setRollbackOnly();
                }
                return r;
            });
            if (!result.loaded()) {
                return new TableSync(table.name(), Status.REFUSED, result.rowsRead(), 0, 0, since, computed,
                        seconds(start), result.problem().message());
            }
            return new TableSync(table.name(), Status.LOADED, result.rowsRead(), result.inserted(), result.updated(),
                    since, computed, seconds(start), null);
        }
    }

    /** The least and greatest change mark at or after {@code :since}, or null when nothing changed. */
    private static LocalDateTime[] changes(Connection connection, SyncQuery query, SyncQuery.Bound bound)
            throws SQLException {
        try (PreparedStatement statement = query.prepare(connection, bound);
                ResultSet result = statement.executeQuery()) {
            if (!result.next()) {
                return null;
            }
            LocalDateTime first = result.getObject("first_change", LocalDateTime.class);
            LocalDateTime last = result.getObject("last_change", LocalDateTime.class);
            while (result.next()) {
                // a streamed result must be read to its end before the connection runs the next statement
            }
            return first == null || last == null ? null : new LocalDateTime[] {first, last};
        }
    }

    private LocalDate businessDay(LocalDateTime sourceTime, ZoneId sourceZone) {
        return sourceTime.atZone(sourceZone).withZoneSameInstant(business).toLocalDate();
    }

    private LocalDateTime sourceTime(LocalDate businessDay, ZoneId sourceZone) {
        return businessDay.atStartOfDay(business).withZoneSameInstant(sourceZone).toLocalDateTime();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** A read-only connection in one read-only transaction, so that every query sees the same state of the source. */
    private static Connection connect(String name, SourceSettings.Source source) throws SQLException {
        Properties properties = new Properties();
        if (source.username() != null) {
            properties.setProperty("user", source.username());
        }
        String password = source.passwordFile() != null ? PasswordFiles.read(source.passwordFile(),
                "kpi.sources." + name + ".password-file = " + source.passwordFile()) : source.password();
        if (password != null) {
            properties.setProperty("password", password);
        }
        // timestamps pass as the source wrote them; the load converts them from the profile's zone
        properties.setProperty("preserveInstants", "false");
        properties.setProperty("characterEncoding", "UTF-8");
        Connection connection = DriverManager.getConnection(source.url(), properties);
        try {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }
}

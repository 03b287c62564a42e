package io.kpipeline.ingest;

import io.kpipeline.model.Table;
import io.kpipeline.system.KpiProperties;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads one canonical table from a {@link RowSource} in the caller's transaction: the validation,
 * staging, key and reference checks and upsert of the CSV import, for every source of rows. A refused
 * load has stored nothing (it fails before the upsert) and says why in its result.
 */
@Component
public class TableLoader {

    private final JdbcTemplate jdbc;
    private final KpiProperties properties;

    TableLoader(JdbcTemplate jdbc, KpiProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** What happens to a row whose key an earlier row of the same load has. */
    public enum Duplicates {
        /** The load is refused, naming both lines (a file must not list a key twice). */
        REFUSE,
        /** The first row wins, later ones are dropped (a table filled from several sources, e.g. owners). */
        KEEP_FIRST
    }

    /**
     * Loads the rows. The caller runs it in a transaction and rolls that back when the result is refused;
     * nothing was upserted then.
     */
    public FileResult load(Table table, RowSource source, Duplicates duplicates, ImportListener listener) {
        long start = System.nanoTime();
        listener.fileStarted(source.name(), source.sizeBytes());
        FileImport fileImport = new FileImport(jdbc, table, source, properties.zone(), listener,
                duplicates == Duplicates.KEEP_FIRST);
        FileResult result;
        try {
            FileImport.Counts counts = fileImport.run();
            result = FileResult.loaded(source.name(), counts.read(), counts.inserted(), counts.updated(),
                    since(start));
        } catch (ImportRefusedException e) {
            result = FileResult.refused(e.problem(), fileImport.rowsRead(), since(start));
        } catch (DataAccessException e) {
            Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
            result = FileResult.refused(ImportProblem.refusedByDatabase(source.name(), cause.getMessage()),
                    fileImport.rowsRead(), since(start));
        }
        listener.fileFinished(result);
        return result;
    }

    static double since(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}

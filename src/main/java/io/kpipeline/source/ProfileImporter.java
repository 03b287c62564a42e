package io.kpipeline.source;

import io.kpipeline.ingest.Dialect;
import io.kpipeline.ingest.FileResult;
import io.kpipeline.ingest.ImportListener;
import io.kpipeline.ingest.TableLoader;
import io.kpipeline.model.CanonicalModel;
import io.kpipeline.model.Column;
import io.kpipeline.model.Table;
import io.kpipeline.source.SourceProfile.RowMapping;
import io.kpipeline.source.SourceProfile.TableMapping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a directory of a system's exports through a source profile: each canonical table the profile
 * fills loads in foreign-key order, from all its sources, in one transaction, through the CSV import's
 * {@link TableLoader} (validation, staging, key and reference checks, upsert). A table with an invalid
 * row or an unmapped value stores nothing; tables that reference it are not loaded then. A check
 * ({@code --check}) does all of it in one transaction that it rolls back, and lists every value that has
 * no code instead of refusing for it.
 */
@Component
public class ProfileImporter {

    private static final int MAX_PIECES = 127;

    private final SourceProfiles profiles;
    private final TableLoader loader;
    private final TransactionTemplate transaction;

    ProfileImporter(SourceProfiles profiles, TableLoader loader, PlatformTransactionManager transactionManager) {
        this.profiles = profiles;
        this.loader = loader;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * Imports (or with {@code check}, reads and rolls back) the exports in {@code directory}.
     *
     * @param profile   a profile name of {@code config/sources/} or the path of a profile file
     * @param resavedAs the dialect the files were saved in instead of the system's own (e.g. re-saved by German
     *                  Excel), or null
     * @throws io.kpipeline.system.KpiException when the profile is missing or wrong
     */
    public ProfileReport run(String profile, Path directory, Dialect resavedAs, boolean check,
            ImportListener listener) {
        SourceProfiles.Loaded loaded = profiles.load(profile);
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + " is not a directory. Pass the directory that holds the exports.");
        }
        SourceFiles files = new SourceFiles(loaded.profile(), directory, resavedAs);
        ValueMaps maps = new ValueMaps(loaded.profile().valueMaps());
        Lookups lookups = new Lookups(loaded, files);
        Unmapped unmapped = new Unmapped();
        List<ProfileReport.TableOutcome> outcomes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (check) {
            transaction.executeWithoutResult(status -> {
                loadAll(loaded, files, maps, lookups, unmapped, true, listener, outcomes, notes);
                status.setRollbackOnly();
            });
        } else {
            loadAll(loaded, files, maps, lookups, unmapped, false, listener, outcomes, notes);
        }
        return new ProfileReport(loaded.name(), loaded.file(), directory, check, files.all(), files.unmatched(),
                outcomes, unmapped.all().stream().map(v -> new ProfileReport.UnmappedValue(v, loaded.where(v.key())))
                .toList(), notes, loaded.profile().notFilled());
    }

    private void loadAll(SourceProfiles.Loaded loaded, SourceFiles files, ValueMaps maps, Lookups lookups,
            Unmapped unmapped, boolean check, ImportListener listener, List<ProfileReport.TableOutcome> outcomes,
            List<String> notes) {
        Set<String> refused = new HashSet<>();
        for (Table table : CanonicalModel.tables()) {
            TableMapping mapping = loaded.profile().tables().get(table.name());
            if (mapping == null) {
                continue;
            }
            List<MappedTable.Piece> pieces = pieces(table, mapping, files);
            if (pieces.isEmpty()) {
                outcomes.add(ProfileReport.TableOutcome.withoutFiles(table.name(), mapping.sources().stream()
                        .map(RowMapping::from).filter(f -> f != null).distinct().toList()));
                continue;
            }
            String refusedParent = table.foreignKeys().stream().map(Column::references).filter(refused::contains)
                    .findFirst().orElse(null);
            if (refusedParent != null && !check) {
                refused.add(table.name());
                outcomes.add(ProfileReport.TableOutcome.afterRefusal(table.name(), refusedParent));
                continue;
            }
            MappedTable source = new MappedTable(table, pieces, loaded, files, maps, lookups, unmapped, !check);
            TableLoader.Duplicates duplicates = "first".equals(mapping.duplicates()) ? TableLoader.Duplicates.KEEP_FIRST
                    : TableLoader.Duplicates.REFUSE;
            FileResult result = check ? loader.load(table, source, duplicates, listener)
                    : transaction.execute(status -> {
                        FileResult r = loader.load(table, source, duplicates, listener);
                        if (!r.loaded()) {
                            status.setRollbackOnly();
                        }
                        return r;
                    });
            if (!result.loaded()) {
                refused.add(table.name());
            }
            notes.addAll(source.notes());
            outcomes.add(ProfileReport.TableOutcome.of(table.name(), result, source.fileNames(), source.skipped()));
        }
    }

    private static List<MappedTable.Piece> pieces(Table table, TableMapping mapping, SourceFiles files) {
        List<MappedTable.Piece> pieces = new ArrayList<>();
        for (int i = 0; i < mapping.sources().size(); i++) {
            RowMapping source = mapping.sources().get(i);
            ProfileKey key = ProfileKey.of("tables", table.name(), "sources", i);
            if (source.from() == null) {
                pieces.add(new MappedTable.Piece(key, source, null));
            } else {
                for (Path path : files.of(source.from())) {
                    pieces.add(new MappedTable.Piece(key, source, path));
                }
            }
        }
        if (pieces.size() > MAX_PIECES) {
            throw new IllegalArgumentException(table.name() + " would be read from " + pieces.size()
                    + " files; at most " + MAX_PIECES + " per table. Import the exports in several directories.");
        }
        return pieces;
    }
}

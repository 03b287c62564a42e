package io.kpipeline.sync;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sync profile, {@code config/sources/<name>.yml}: which canonical table each read-only query of the
 * profile's directory fills, and how its changes are found. Bound from YAML with unknown keys refused.
 *
 * @param name        the system's name for messages
 * @param description what it reads
 * @param zone        the zone of the source's timestamps (Matomo, Mautic and SuiteCRM store UTC); the load
 *                    converts them to {@code kpi.zone}
 * @param parameters  values the queries name as {@code :name} (a key's {@code -} is {@code _} there); a list
 *                    fills {@code IN (:name)}, an empty list matches nothing
 * @param tables      per canonical table, its query
 */
record SyncProfile(String name, String description, String zone, Map<String, Object> parameters,
        Map<String, TableQuery> tables) {

    SyncProfile {
        parameters = parameters == null ? Map.of() : new LinkedHashMap<>(parameters);
        tables = tables == null ? Map.of() : new LinkedHashMap<>(tables);
    }

    /**
     * @param query   the file (relative to the profile) of the SELECT whose columns are named after the canonical
     *                columns; it reads the rows changed at or after {@code :since} up to {@code :until}, or, with
     *                {@code by-day}, the rows of the business day {@code :day} ({@code :day_start} inclusive to
     *                {@code :day_end} exclusive, both in the source's zone)
     * @param changes the file of a SELECT giving {@code first_change} and {@code last_change}, the least and greatest
     *                change timestamps at or after {@code :since}; without it the table is read whole every time
     * @param byDay   whether the query is run once per business day from the day of {@code first_change} to that
     *                of {@code last_change} (for daily aggregates: a day is computed again whole)
     */
    record TableQuery(String query, String changes, Boolean byDay) {

        TableQuery {
            byDay = Boolean.TRUE.equals(byDay);
        }
    }
}

package io.kpipeline.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;

/**
 * A profile's query with its named parameters ({@code :since}, {@code :day}, {@code :sites} …) bound as JDBC
 * parameters, never written into the SQL. A list parameter becomes one placeholder per element ({@code IN (:sites)});
 * an empty list one NULL, which matches nothing. Results stream: forward-only, read-only, row by row.
 */
record SyncQuery(String file, String sql) {

    /** The values of one run of the query, by parameter name. */
    record Bound(Map<String, Object> values) {

        Bound with(String name, Object value) {
            Map<String, Object> more = new HashMap<>(values);
            more.put(name, value);
            return new Bound(more);
        }
    }

    /** The profile's parameters, a key's {@code -} written {@code _}, as the queries name them. */
    static Bound parameters(Map<String, Object> profile) {
        Map<String, Object> values = new HashMap<>();
        profile.forEach((key, value) -> {
            Object bound = value;
            if (value instanceof Collection<?> list && list.isEmpty()) {
                bound = Arrays.asList((Object) null);
            }
            values.put(key.replace('-', '_'), bound);
        });
        return new Bound(values);
    }

    PreparedStatement prepare(Connection connection, Bound bound) throws SQLException {
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(sql);
        MapSqlParameterSource source = new MapSqlParameterSource(bound.values());
        String positional = NamedParameterUtils.substituteNamedParameters(parsed, source);
        Object[] arguments = NamedParameterUtils.buildValueArray(parsed, source, null);
        List<Object> flat = new ArrayList<>();
        for (Object argument : arguments) {
            if (argument instanceof Collection<?> list) {
                flat.addAll(list);
            } else {
                flat.add(argument);
            }
        }
        PreparedStatement statement = connection.prepareStatement(positional, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        try {
            // Connector/J streams a result row by row with this fetch size instead of holding it in memory
            statement.setFetchSize(Integer.MIN_VALUE);
            for (int i = 0; i < flat.size(); i++) {
                StatementCreatorUtils.setParameterValue(statement, i + 1, StatementCreatorUtils.javaTypeToSqlParameterType(
                        flat.get(i) == null ? null : flat.get(i).getClass()), flat.get(i));
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}

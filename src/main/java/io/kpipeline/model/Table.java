package io.kpipeline.model;

import java.util.List;
import java.util.Optional;

/**
 * One canonical table: its columns in schema order and its natural key.
 *
 * @param name    the table name, also the CSV file's base name
 * @param columns the columns in schema order
 * @param key     the natural key's columns; the import upserts by them
 */
public record Table(String name, List<Column> columns, List<String> key) {

    public Table {
        columns = List.copyOf(columns);
        key = List.copyOf(key);
    }

    /** The table name quoted for SQL ({@code lead} is a reserved word in MySQL 8). */
    public String sqlName() {
        return "`" + name + "`";
    }

    public String fileName() {
        return name + ".csv";
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    public List<Column> foreignKeys() {
        return columns.stream().filter(Column::isForeignKey).toList();
    }
}

package io.kpipeline.generate;

import io.kpipeline.model.Table;

/**
 * Where generated rows go, one call per row, tables interleaved in the order the generator
 * produces them (a lead, then its funnel events, deal, activities …). Rows of different tables
 * are consistent by construction; a sink may store them in any order.
 */
public interface RowSink extends AutoCloseable {

    /**
     * One row: values in the order of {@link Table#columns()}, as {@code String}, {@code Integer},
     * {@code Long}, {@code Boolean}, {@code BigDecimal} (scale 2), {@code LocalDate},
     * {@code LocalDateTime} or {@code null}. The array must not be kept after the call returns.
     */
    void accept(Table table, Object[] values);

    /** Stores whatever is still buffered; the generator calls it once, after the last row. */
    void finish();

    @Override
    void close();
}

package io.kpipeline.model;

/**
 * The value kinds of the canonical input model, each with the text form the CSV import accepts.
 */
public enum ColumnType {
    /** A string id of up to 64 characters. */
    ID("an id of at most 64 characters"),
    /** Free text of at most {@link Column#maxLength()} characters. */
    TEXT("text"),
    /** Long free text of at most {@link Column#maxLength()} bytes in UTF-8 (a MySQL {@code TEXT}). */
    LONG_TEXT("long text"),
    /** An upper-case code, either from a fixed list or (channel codes) any of A–Z, 0–9 and _. */
    CODE("an upper-case code"),
    /** {@code yyyy-MM-dd'T'HH:mm:ss} or {@code yyyy-MM-dd HH:mm:ss}, business-local time. */
    TIMESTAMP("a timestamp yyyy-MM-dd HH:mm:ss"),
    /** {@code yyyy-MM-dd}. */
    DATE("a date yyyy-MM-dd"),
    /** {@code yyyy-MM-dd}, the first day of a month. */
    MONTH("the first day of a month, yyyy-MM-01"),
    /** A non-negative decimal with a dot and at most two decimal places. */
    MONEY("an amount like 1234.56"),
    /** A whole number ≥ 0 that fits an {@code INT}. */
    COUNT("a whole number ≥ 0"),
    /** A whole number ≥ 0 that needs a {@code BIGINT} (e.g. seconds summed over a day's sessions). */
    LARGE_COUNT("a whole number ≥ 0"),
    /** A whole number, negative allowed (e.g. follower counts after a clean-up). */
    INTEGER("a whole number"),
    /** {@code true}/{@code false} or {@code 1}/{@code 0}. */
    BOOLEAN("true, false, 1 or 0"),
    /** A whole number from 0 to 10. */
    SCORE("a whole number from 0 to 10"),
    /** An ISO 3166 alpha-2 country code. */
    COUNTRY("a two-letter country code like DE");

    private final String expectation;

    ColumnType(String expectation) {
        this.expectation = expectation;
    }

    /** How an error message describes a valid value of this type. */
    public String expectation() {
        return expectation;
    }
}

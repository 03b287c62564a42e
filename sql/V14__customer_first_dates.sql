-- The first customer date of every account (its first subscription start or booked order, whichever is
-- earlier) and the date of its first booked one-off order, for the customer figures of every window ("new
-- customer in P", "repeat buyer", the length of the relationship). Derived from subscription and
-- customer_order in one pass and kept while neither table changed: kpi_derived holds the sum of their change
-- versions (source_change) it was built from. The figures of each window join it instead of looking both dates
-- up in every account's order history.

CREATE TABLE customer_first_date (
    account_id    VARCHAR(64) NOT NULL,
    first_date    DATE        NOT NULL,
    first_one_off DATE        NULL,
    PRIMARY KEY (account_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE kpi_derived (
    table_name     VARCHAR(64) NOT NULL,
    source_version BIGINT      NOT NULL,
    built_at       DATETIME    NOT NULL,
    PRIMARY KEY (table_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

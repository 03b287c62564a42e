-- The days on which each account is an active customer (kpi-vocabulary.md, "active customer on day d"), as
-- spans [active_from, active_until) that neither overlap nor touch within an account. Derived from subscription
-- and customer_order together with customer_first_date and kept while neither table changed (kpi_derived), so
-- that the active customers of any day are one lookup per account instead of a pass over every account's
-- subscriptions and the year of one-off orders before that day, in each window and calculator that asks.

CREATE TABLE customer_active_span (
    account_id   VARCHAR(64) NOT NULL,
    active_from  DATE        NOT NULL,
    active_until DATE        NOT NULL,
    PRIMARY KEY (account_id, active_from)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- customer_first_date is now built together with the spans and recorded under one name: build both afresh.
DELETE FROM kpi_derived WHERE table_name = 'customer_first_date';

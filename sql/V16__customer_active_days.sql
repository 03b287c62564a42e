-- The accounts active on a day (kpi-vocabulary.md, "active customer on day d"), for each day a computation
-- asked for: the opening and last days of its windows. Each day is worked out once from the customer history
-- and shared by the customer figures of a window, those of a trailing year and the activity KPIs, instead of
-- each of them working it out again. customer_active_day_built holds the sum of the change versions of
-- subscription and customer_order (source_change) each day was computed from; a day whose version is no longer
-- current is computed again, and its rows go when the first customer dates are rebuilt.

CREATE TABLE customer_active_day (
    day        DATE        NOT NULL,
    account_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (day, account_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE customer_active_day_built (
    day            DATE     NOT NULL,
    source_version BIGINT   NOT NULL,
    built_at       DATETIME NOT NULL,
    PRIMARY KEY (day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Incremental reports. Every write into a source table counts, per table and month, the changes it made:
-- the months of the dates of each row it inserted, changed (before and after the change) or deleted; a
-- change that is not tied to dates (a customer's segment, a campaign's channel, a whole table replaced)
-- counts under the month 1000-01-01, which every window includes. Versions only grow.

CREATE TABLE source_change (
    table_name VARCHAR(64) NOT NULL,
    month      DATE        NOT NULL,
    version    BIGINT      NOT NULL,
    PRIMARY KEY (table_name, month)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- What each stored computation of a period's KPIs rests on, per calculator: the fingerprint of the catalog
-- and settings it was computed with, and the sum of the change versions of the months its source tables
-- were read in. Both unchanged: the stored values are still valid and a report reuses them.

CREATE TABLE kpi_computation (
    period_id      VARCHAR(20) NOT NULL,
    calculator     VARCHAR(64) NOT NULL,
    fingerprint    CHAR(64)    NOT NULL,
    source_version BIGINT      NOT NULL,
    computed_at    DATETIME    NOT NULL,
    PRIMARY KEY (period_id, calculator)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Values stored before this migration have no computation: the next report computes them again.

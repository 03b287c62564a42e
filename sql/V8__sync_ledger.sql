-- The sync ledger of the nightly sync from source databases (sync --source NAME).
-- sync_state: per source and canonical table, the source's change mark the last successful load reached
-- (the greatest change timestamp it read, in the source's own time, usually UTC); the next sync reads only
-- rows changed at or after it. Written in the same transaction as the table's rows, so that a failed load
-- leaves the mark where it was.
-- sync_run: one row per sync of a source, for the freshness gate and for people asking "how fresh is it?".
-- status: RUNNING, SUCCEEDED, FAILED; times are business-local (kpi.zone).

CREATE TABLE sync_state (
    source        VARCHAR(64)  NOT NULL,
    table_name    VARCHAR(64)  NOT NULL,
    last_change   DATETIME     NULL,
    synced_at     DATETIME     NOT NULL,
    rows_read     BIGINT       NOT NULL,
    rows_inserted BIGINT       NOT NULL,
    rows_updated  BIGINT       NOT NULL,
    PRIMARY KEY (source, table_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE sync_run (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    source      VARCHAR(64)   NOT NULL,
    started_at  DATETIME      NOT NULL,
    finished_at DATETIME      NULL,
    status      VARCHAR(16)   NOT NULL,
    rows_read   BIGINT        NOT NULL DEFAULT 0,
    rows_loaded BIGINT        NOT NULL DEFAULT 0,
    message     VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    KEY ix_sync_run_source (source, status, finished_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

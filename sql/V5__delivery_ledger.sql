-- The delivery ledger: one row per report, period, document and recipient. A row is claimed
-- (SENDING, with the Message-ID it will carry) before the message leaves and marked SENT after, so
-- that a re-run sends nothing already sent and a run after a failure or crash sends only what is missing.
-- document is 'report' for the report's own PDF and 'rep:<sales_rep.id>' for a rep's personal report.
-- state: SENDING, SENT, OUTBOX (written to $KPI_HOME/outbox instead of sent), FAILED, HELD (freshness gate).

CREATE TABLE delivery (
    report      VARCHAR(16)   NOT NULL,
    period_id   VARCHAR(20)   NOT NULL,
    document    VARCHAR(80)   NOT NULL,
    recipient   VARCHAR(254)  NOT NULL,
    state       VARCHAR(16)   NOT NULL,
    attempts    INT           NOT NULL,
    message_id  VARCHAR(255)  NULL,
    created_at  DATETIME      NOT NULL,
    updated_at  DATETIME      NOT NULL,
    sent_at     DATETIME      NULL,
    last_error  VARCHAR(1000) NULL,
    PRIMARY KEY (report, period_id, document, recipient),
    KEY ix_delivery_state (state)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

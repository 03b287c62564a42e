-- Computed KPI values per period (independent of the report that asked for them), and the
-- evaluated results per report and period: comparisons, target, status, benchmark, flags, measures.
-- Breakdown columns hold '' for the total so that they can be part of the key.

CREATE TABLE kpi_value (
    period_id       VARCHAR(20)    NOT NULL,
    kpi_id          VARCHAR(64)    NOT NULL,
    dimension       VARCHAR(16)    NOT NULL,
    dimension_value VARCHAR(64)    NOT NULL,
    value           DECIMAL(50,20) NULL,
    numerator       DECIMAL(40,10) NULL,
    denominator     DECIMAL(40,10) NULL,
    reason          VARCHAR(255)   NULL,
    computed_at     DATETIME       NOT NULL,
    PRIMARY KEY (period_id, kpi_id, dimension, dimension_value)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE kpi_result (
    report              VARCHAR(16)    NOT NULL,
    period_id           VARCHAR(20)    NOT NULL,
    kpi_id              VARCHAR(64)    NOT NULL,
    dimension           VARCHAR(16)    NOT NULL,
    dimension_value     VARCHAR(64)    NOT NULL,
    value               DECIMAL(50,20) NULL,
    unit                VARCHAR(32)    NOT NULL,
    numerator           DECIMAL(40,10) NULL,
    denominator         DECIMAL(40,10) NULL,
    reason              VARCHAR(255)   NULL,
    previous_value      DECIMAL(50,20) NULL,
    previous_year_value DECIMAL(50,20) NULL,
    trend               TEXT           NULL,
    target              DECIMAL(50,20) NULL,
    target_owner        VARCHAR(255)   NULL,
    target_deadline     DATE           NULL,
    status              VARCHAR(8)     NOT NULL,
    benchmark           DECIMAL(50,20) NULL,
    benchmark_source    VARCHAR(255)   NULL,
    flags               VARCHAR(255)   NOT NULL,
    actions             TEXT           NULL,
    evaluated_at        DATETIME       NOT NULL,
    PRIMARY KEY (report, period_id, kpi_id, dimension, dimension_value)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

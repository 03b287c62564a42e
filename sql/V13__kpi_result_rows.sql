-- kpi_result as rows and typed columns: a result's flags and recommended measures become rows of their own,
-- its trend is no longer a copy of values but the stored kpi_value of the periods it was evaluated with, and each
-- result keeps its KPI's position in the catalog (written when it is evaluated), so that it is sorted in SQL.
--
-- kpi_result_trend holds, per report and period, the trend periods whose values the evaluation used: the period
-- itself and those of its trend before it (position 0 the oldest, as ReportingPeriod.trend lists them) that held
-- data when it was evaluated. A result's trend is read by joining kpi_value of those periods (same KPI and
-- breakdown); a position without a row there, or without a value, is a gap.
--
-- Rows stored before this migration are converted. Their ';'-joined flags and actions become rows, in their
-- order. Their trend periods are derived from the stored text, which is sound: the evaluation left a value only at
-- periods that held data, so a position counts as used where any result of the report and period has a value
-- there (a period with data but no value for any result reads as gaps either way); the period at that position is
-- worked out from the report period's id as ReportingPeriod.previous counts back (ISO weeks, months, quarters,
-- years, 30 days). Read back, such a trend has the values it had, as long as those periods were not computed again
-- since. Their catalog position is not known here (config/kpis.yml is not in the database): it stays NULL, and
-- they sort by KPI id until their period is evaluated again.

CREATE TABLE kpi_result_flag (
    report          VARCHAR(16) NOT NULL,
    period_id       VARCHAR(20) NOT NULL,
    kpi_id          VARCHAR(64) NOT NULL,
    dimension       VARCHAR(16) NOT NULL,
    dimension_value VARCHAR(64) NOT NULL,
    flag            VARCHAR(16) NOT NULL,
    PRIMARY KEY (report, period_id, kpi_id, dimension, dimension_value, flag),
    CONSTRAINT kpi_result_flag_result FOREIGN KEY (report, period_id, kpi_id, dimension, dimension_value)
        REFERENCES kpi_result (report, period_id, kpi_id, dimension, dimension_value) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE kpi_result_action (
    report          VARCHAR(16)  NOT NULL,
    period_id       VARCHAR(20)  NOT NULL,
    kpi_id          VARCHAR(64)  NOT NULL,
    dimension       VARCHAR(16)  NOT NULL,
    dimension_value VARCHAR(64)  NOT NULL,
    position        INT          NOT NULL,
    measure_id      VARCHAR(255) NOT NULL,
    PRIMARY KEY (report, period_id, kpi_id, dimension, dimension_value, position),
    CONSTRAINT kpi_result_action_result FOREIGN KEY (report, period_id, kpi_id, dimension, dimension_value)
        REFERENCES kpi_result (report, period_id, kpi_id, dimension, dimension_value) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- no foreign key: the key (report, period_id) is not unique in kpi_result; KpiResultRepository replaces both
CREATE TABLE kpi_result_trend (
    report          VARCHAR(16) NOT NULL,
    period_id       VARCHAR(20) NOT NULL,
    position        INT         NOT NULL,
    trend_period_id VARCHAR(20) NOT NULL,
    PRIMARY KEY (report, period_id, position)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO kpi_result_flag (report, period_id, kpi_id, dimension, dimension_value, flag)
WITH RECURSIVE item (n, most) AS (
    SELECT 1, (SELECT MAX(LENGTH(flags) - LENGTH(REPLACE(flags, ';', '')) + 1) FROM kpi_result)
    UNION ALL
    SELECT n + 1, most FROM item WHERE n < most
)
SELECT r.report, r.period_id, r.kpi_id, r.dimension, r.dimension_value,
       SUBSTRING_INDEX(SUBSTRING_INDEX(r.flags, ';', item.n), ';', -1)
  FROM kpi_result r
  JOIN item ON item.n <= LENGTH(r.flags) - LENGTH(REPLACE(r.flags, ';', '')) + 1
 WHERE r.flags <> '';

INSERT INTO kpi_result_action (report, period_id, kpi_id, dimension, dimension_value, position, measure_id)
WITH RECURSIVE item (n, most) AS (
    SELECT 1, (SELECT MAX(LENGTH(actions) - LENGTH(REPLACE(actions, ';', '')) + 1) FROM kpi_result)
    UNION ALL
    SELECT n + 1, most FROM item WHERE n < most
)
SELECT r.report, r.period_id, r.kpi_id, r.dimension, r.dimension_value, item.n - 1,
       SUBSTRING_INDEX(SUBSTRING_INDEX(r.actions, ';', item.n), ';', -1)
  FROM kpi_result r
  JOIN item ON item.n <= LENGTH(r.actions) - LENGTH(REPLACE(r.actions, ';', '')) + 1
 WHERE r.actions <> '';

-- back: how many periods before the report period the position lies (the last position is the period itself)
INSERT INTO kpi_result_trend (report, period_id, position, trend_period_id)
WITH RECURSIVE item (n, most) AS (
    SELECT 1, (SELECT MAX(LENGTH(trend) - LENGTH(REPLACE(trend, ';', '')) + 1) FROM kpi_result)
    UNION ALL
    SELECT n + 1, most FROM item WHERE n < most
),
used (report, period_id, position, back) AS (
    SELECT DISTINCT r.report, r.period_id, item.n - 1,
           LENGTH(r.trend) - LENGTH(REPLACE(r.trend, ';', '')) + 1 - item.n
      FROM kpi_result r
      JOIN item ON item.n <= LENGTH(r.trend) - LENGTH(REPLACE(r.trend, ';', '')) + 1
     WHERE SUBSTRING_INDEX(SUBSTRING_INDEX(r.trend, ';', item.n), ';', -1) <> ''
)
SELECT report, period_id, position,
       CASE
           WHEN period_id LIKE '30d:%' THEN CONCAT('30d:',
               DATE_FORMAT(DATE_SUB(CAST(SUBSTRING(period_id, 5) AS DATE), INTERVAL 30 * back DAY), '%Y-%m-%d'))
           WHEN period_id LIKE '____-W__' THEN DATE_FORMAT(DATE_ADD(
               DATE_SUB(MAKEDATE(CAST(LEFT(period_id, 4) AS SIGNED), 4),
                        INTERVAL WEEKDAY(MAKEDATE(CAST(LEFT(period_id, 4) AS SIGNED), 4)) DAY),
               INTERVAL 7 * (CAST(RIGHT(period_id, 2) AS SIGNED) - 1 - back) DAY), '%x-W%v')
           WHEN period_id LIKE '____-Q_' THEN CONCAT(
               (CAST(LEFT(period_id, 4) AS SIGNED) * 4 + CAST(RIGHT(period_id, 1) AS SIGNED) - 1 - back) DIV 4,
               '-Q', MOD(CAST(LEFT(period_id, 4) AS SIGNED) * 4 + CAST(RIGHT(period_id, 1) AS SIGNED) - 1 - back, 4) + 1)
           WHEN period_id LIKE '____-__' THEN DATE_FORMAT(
               DATE_SUB(CAST(CONCAT(period_id, '-01') AS DATE), INTERVAL back MONTH), '%Y-%m')
           ELSE CAST(CAST(period_id AS SIGNED) - back AS CHAR)
       END
  FROM used;

ALTER TABLE kpi_result
    DROP COLUMN trend,
    DROP COLUMN flags,
    DROP COLUMN actions,
    ADD COLUMN catalog_position INT NULL AFTER dimension_value;

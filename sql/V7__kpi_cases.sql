-- The number of cases a KPI value rests on (kpi-vocabulary.md v2, "small sample"): the emails of an open
-- rate, the deals of a win rate, the deals averaged for a deal size. NULL for values that are never a
-- small sample (counts, sums, money totals). Rows stored before this migration have none.

ALTER TABLE kpi_value ADD COLUMN cases BIGINT NULL AFTER denominator;

ALTER TABLE kpi_result ADD COLUMN cases BIGINT NULL AFTER denominator;

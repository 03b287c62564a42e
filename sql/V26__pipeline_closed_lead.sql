-- The leads that closed, counted by the day of their WON event, the day of their LOST event (either NULL: the
-- lead has none) and each open stage they reached, derived from funnel_event when a run first needs it and kept
-- while funnel_event has not changed since (kpi_derived 'pipeline_closed_lead'). The stages' observed win rates
-- of every period's trailing year add up its few rows, instead of reading a year or more of WON and LOST events
-- and every stage of their leads in each run that computes a new period.

CREATE TABLE pipeline_closed_lead (
    won_on  DATE        NULL,
    lost_on DATE        NULL,
    stage   VARCHAR(32) NOT NULL,
    leads   BIGINT      NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

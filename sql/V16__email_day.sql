-- The email KPIs count a period's emails by kind, campaign, rep, status and whether each was opened, clicked,
-- answered or unsubscribed from. email_day holds those counts per day, so that every report that covers a day
-- (the week, the month, the quarter, the year, the review's 30 days) adds up its days' few rows instead of
-- grouping the day's emails again. email_day_built says which days are counted and from which change version of
-- their month (source_change of email_message, with its changes not tied to a date): a day whose version moved
-- since, or that is not listed, is counted again before a report reads it. A writer holds the row 'email_day' of
-- kpi_derived locked while it counts, so that two processes never count the same days at once.

CREATE TABLE email_day (
    day          DATE        NOT NULL,
    kind         VARCHAR(16) NOT NULL,
    campaign_id  VARCHAR(64) NULL,
    rep_id       VARCHAR(64) NULL,
    status       VARCHAR(16) NOT NULL,
    opened       BOOLEAN     NOT NULL,
    clicked      BOOLEAN     NOT NULL,
    unsubscribed BOOLEAN     NOT NULL,
    replied      BOOLEAN     NOT NULL,
    emails       BIGINT      NOT NULL,
    KEY ix_email_day_day (day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE email_day_built (
    day            DATE   NOT NULL,
    source_version BIGINT NOT NULL,
    PRIMARY KEY (day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

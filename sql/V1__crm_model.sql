-- The canonical input model (shared spec: data-model.md).
-- Runs on MySQL 8 and MariaDB 10.6+: no vendor-only syntax, explicit charset and collation.
-- Timestamps are DATETIME in the business time zone (kpi.zone); money is DECIMAL(14,2).
-- Ids and codes compare case-sensitively (utf8mb4_bin), as CRM ids do. `lead` is quoted: it is a
-- reserved word in MySQL 8.
-- Indexes serve the period filters of the KPI vocabulary (every *_at / date column) and its joins;
-- InnoDB adds an index for each foreign key that no other index starts with.

CREATE TABLE channel (
    code        VARCHAR(32)  NOT NULL,
    name        VARCHAR(255) NOT NULL,
    category    VARCHAR(16)  NOT NULL,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE sales_rep (
    id          VARCHAR(64)  NOT NULL,
    name        VARCHAR(255) NOT NULL,
    email       VARCHAR(255) NULL,
    team        VARCHAR(255) NULL,
    active      BOOLEAN      NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE campaign (
    id           VARCHAR(64)   NOT NULL,
    name         VARCHAR(255)  NOT NULL,
    channel_code VARCHAR(32)   NOT NULL,
    start_date   DATE          NOT NULL,
    end_date     DATE          NULL,
    budget       DECIMAL(14,2) NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_campaign_channel FOREIGN KEY (channel_code) REFERENCES channel (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE account (
    id          VARCHAR(64)  NOT NULL,
    name        VARCHAR(255) NOT NULL,
    industry    VARCHAR(255) NULL,
    segment     VARCHAR(16)  NULL,
    country     CHAR(2)      NULL,
    created_at  DATETIME     NOT NULL,
    PRIMARY KEY (id),
    KEY ix_account_created_at (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE `lead` (
    id           VARCHAR(64) NOT NULL,
    account_id   VARCHAR(64) NULL,
    channel_code VARCHAR(32) NOT NULL,
    campaign_id  VARCHAR(64) NULL,
    owner_rep_id VARCHAR(64) NULL,
    created_at   DATETIME    NOT NULL,
    PRIMARY KEY (id),
    KEY ix_lead_created_at (created_at),
    KEY ix_lead_channel_created (channel_code, created_at),
    KEY ix_lead_owner_created (owner_rep_id, created_at),
    CONSTRAINT fk_lead_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_lead_channel FOREIGN KEY (channel_code) REFERENCES channel (code),
    CONSTRAINT fk_lead_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id),
    CONSTRAINT fk_lead_owner FOREIGN KEY (owner_rep_id) REFERENCES sales_rep (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE funnel_event (
    lead_id     VARCHAR(64) NOT NULL,
    stage       VARCHAR(32) NOT NULL,
    occurred_at DATETIME    NOT NULL,
    PRIMARY KEY (lead_id, stage),
    KEY ix_funnel_event_stage_occurred (stage, occurred_at),
    CONSTRAINT fk_funnel_event_lead FOREIGN KEY (lead_id) REFERENCES `lead` (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE deal (
    id              VARCHAR(64)   NOT NULL,
    lead_id         VARCHAR(64)   NOT NULL,
    account_id      VARCHAR(64)   NOT NULL,
    owner_rep_id    VARCHAR(64)   NULL,
    created_at      DATETIME      NOT NULL,
    stage           VARCHAR(32)   NOT NULL,
    status          VARCHAR(8)    NOT NULL,
    amount          DECIMAL(14,2) NOT NULL,
    contract_months INT           NULL,
    closed_at       DATETIME      NULL,
    PRIMARY KEY (id),
    KEY ix_deal_closed_at (closed_at),
    KEY ix_deal_created_at (created_at),
    CONSTRAINT fk_deal_lead FOREIGN KEY (lead_id) REFERENCES `lead` (id),
    CONSTRAINT fk_deal_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_deal_owner FOREIGN KEY (owner_rep_id) REFERENCES sales_rep (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE activity (
    id               VARCHAR(64) NOT NULL,
    rep_id           VARCHAR(64) NOT NULL,
    lead_id          VARCHAR(64) NULL,
    account_id       VARCHAR(64) NULL,
    channel_code     VARCHAR(32) NOT NULL,
    type             VARCHAR(16) NOT NULL,
    occurred_at      DATETIME    NOT NULL,
    duration_minutes INT         NULL,
    outcome          VARCHAR(16) NULL,
    PRIMARY KEY (id),
    KEY ix_activity_occurred_at (occurred_at),
    KEY ix_activity_rep_occurred (rep_id, occurred_at),
    KEY ix_activity_lead_occurred (lead_id, occurred_at),
    CONSTRAINT fk_activity_rep FOREIGN KEY (rep_id) REFERENCES sales_rep (id),
    CONSTRAINT fk_activity_lead FOREIGN KEY (lead_id) REFERENCES `lead` (id),
    CONSTRAINT fk_activity_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_activity_channel FOREIGN KEY (channel_code) REFERENCES channel (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The largest table by far (one row per recipient). Its references (campaign_id, lead_id, rep_id) are
-- checked by the import, not by constraints: constraints would need an index each, which no KPI
-- query uses (they all scan one period by sent_at) and which would cost a third of the load time.
CREATE TABLE email_message (
    id              VARCHAR(64) NOT NULL,
    campaign_id     VARCHAR(64) NULL,
    lead_id         VARCHAR(64) NULL,
    rep_id          VARCHAR(64) NULL,
    kind            VARCHAR(16) NOT NULL,
    sent_at         DATETIME    NOT NULL,
    status          VARCHAR(16) NOT NULL,
    opened_at       DATETIME    NULL,
    clicked_at      DATETIME    NULL,
    replied_at      DATETIME    NULL,
    unsubscribed_at DATETIME    NULL,
    PRIMARY KEY (id),
    -- Every email KPI filters on sent_at first; kind is checked on the rows of the period.
    KEY ix_email_message_sent_at (sent_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE web_traffic_daily (
    date                  DATE         NOT NULL,
    channel_code          VARCHAR(32)  NOT NULL,
    landing_page          VARCHAR(512) NOT NULL,
    sessions              INT          NOT NULL,
    users                 INT          NOT NULL,
    pageviews             INT          NOT NULL,
    bounced_sessions      INT          NOT NULL,
    total_session_seconds BIGINT       NOT NULL,
    downloads             INT          NOT NULL,
    contact_requests      INT          NOT NULL,
    PRIMARY KEY (date, channel_code, landing_page),
    CONSTRAINT fk_web_traffic_daily_channel FOREIGN KEY (channel_code) REFERENCES channel (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE social_daily (
    date      DATE         NOT NULL,
    network   VARCHAR(64)  NOT NULL,
    followers INT          NOT NULL,
    likes     INT          NOT NULL,
    posts     INT          NOT NULL,
    clicks    INT          NOT NULL,
    PRIMARY KEY (date, network)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- campaign_id is part of the natural key but may be NULL, which a primary key cannot hold:
-- campaign_key stands in for it (empty string for NULL) in a unique key, so an upsert of a row
-- without campaign replaces the stored one instead of adding a second.
CREATE TABLE ad_spend_daily (
    row_id        BIGINT        NOT NULL AUTO_INCREMENT,
    date          DATE          NOT NULL,
    channel_code  VARCHAR(32)   NOT NULL,
    campaign_id   VARCHAR(64)   NULL,
    campaign_key  VARCHAR(64)   GENERATED ALWAYS AS (COALESCE(campaign_id, '')) STORED,
    cost          DECIMAL(14,2) NOT NULL,
    impressions   INT           NOT NULL,
    clicks        INT           NOT NULL,
    PRIMARY KEY (row_id),
    UNIQUE KEY uk_ad_spend_daily (date, channel_code, campaign_key),
    CONSTRAINT fk_ad_spend_daily_channel FOREIGN KEY (channel_code) REFERENCES channel (code),
    CONSTRAINT fk_ad_spend_daily_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Same device as ad_spend_daily: channel_key stands in for the nullable channel_code.
CREATE TABLE cost_entry (
    row_id       BIGINT        NOT NULL AUTO_INCREMENT,
    month        DATE          NOT NULL,
    category     VARCHAR(16)   NOT NULL,
    channel_code VARCHAR(32)   NULL,
    channel_key  VARCHAR(32)   GENERATED ALWAYS AS (COALESCE(channel_code, '')) STORED,
    amount       DECIMAL(14,2) NOT NULL,
    PRIMARY KEY (row_id),
    UNIQUE KEY uk_cost_entry (month, category, channel_key),
    CONSTRAINT fk_cost_entry_channel FOREIGN KEY (channel_code) REFERENCES channel (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE customer_order (
    id            VARCHAR(64)   NOT NULL,
    account_id    VARCHAR(64)   NOT NULL,
    deal_id       VARCHAR(64)   NULL,
    channel_code  VARCHAR(32)   NULL,
    order_date    DATE          NOT NULL,
    amount        DECIMAL(14,2) NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    cancelled_at  DATETIME      NULL,
    discount_code VARCHAR(64)   NULL,
    PRIMARY KEY (id),
    KEY ix_customer_order_date (order_date),
    KEY ix_customer_order_account_date (account_id, order_date),
    CONSTRAINT fk_customer_order_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_customer_order_deal FOREIGN KEY (deal_id) REFERENCES deal (id),
    CONSTRAINT fk_customer_order_channel FOREIGN KEY (channel_code) REFERENCES channel (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE subscription (
    id           VARCHAR(64)   NOT NULL,
    account_id   VARCHAR(64)   NOT NULL,
    deal_id      VARCHAR(64)   NULL,
    start_date   DATE          NOT NULL,
    end_date     DATE          NULL,
    mrr          DECIMAL(14,2) NOT NULL,
    cancelled_at DATETIME      NULL,
    PRIMARY KEY (id),
    KEY ix_subscription_account_start (account_id, start_date),
    KEY ix_subscription_start (start_date),
    KEY ix_subscription_end (end_date),
    CONSTRAINT fk_subscription_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_subscription_deal FOREIGN KEY (deal_id) REFERENCES deal (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE complaint (
    id         VARCHAR(64) NOT NULL,
    account_id VARCHAR(64) NOT NULL,
    order_id   VARCHAR(64) NULL,
    type       VARCHAR(16) NOT NULL,
    opened_at  DATETIME    NOT NULL,
    PRIMARY KEY (id),
    KEY ix_complaint_opened_at (opened_at),
    CONSTRAINT fk_complaint_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_complaint_order FOREIGN KEY (order_id) REFERENCES customer_order (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE referral (
    id                   VARCHAR(64) NOT NULL,
    referring_account_id VARCHAR(64) NOT NULL,
    lead_id              VARCHAR(64) NOT NULL,
    created_at           DATETIME    NOT NULL,
    PRIMARY KEY (id),
    KEY ix_referral_lead (lead_id),
    KEY ix_referral_created_at (created_at),
    CONSTRAINT fk_referral_account FOREIGN KEY (referring_account_id) REFERENCES account (id),
    CONSTRAINT fk_referral_lead FOREIGN KEY (lead_id) REFERENCES `lead` (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE feedback (
    id          VARCHAR(64) NOT NULL,
    account_id  VARCHAR(64) NOT NULL,
    received_at DATETIME    NOT NULL,
    score       INT         NOT NULL,
    comment     TEXT        NULL,
    PRIMARY KEY (id),
    KEY ix_feedback_received_at (received_at),
    CONSTRAINT fk_feedback_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every subscription with its account's segment and first customer date, derived with the rest of the customer
-- history (kpi_derived 'customer_history'). The customer figures sum each account's MRR on the opening, last and
-- base day from it in the order of the primary key, as the rows come, instead of grouping the subscriptions per
-- account in a temporary table and looking up every account's row of customer_first_date.

CREATE TABLE customer_subscription (
    account_id      VARCHAR(64)   NOT NULL,
    subscription_id VARCHAR(64)   NOT NULL,
    start_date      DATE          NOT NULL,
    end_date        DATE          NULL,
    mrr             DECIMAL(14,2) NOT NULL,
    segment         VARCHAR(16)   NULL,
    first_date      DATE          NOT NULL,
    PRIMARY KEY (account_id, subscription_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- build the customer history afresh, with the subscriptions
DELETE FROM kpi_derived WHERE table_name = 'customer_history';

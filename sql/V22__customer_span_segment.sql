-- Each span of customer_active_span carries its account's segment and first customer date (copied from
-- customer_first_date when the customer history is built), so that the customer figures of a window count the
-- active accounts per segment in one pass over the spans, instead of grouping the spans per account and looking
-- up every active account's row of customer_first_date.

DELETE FROM customer_active_span;
ALTER TABLE customer_active_span
    ADD COLUMN segment    VARCHAR(16) NULL,
    ADD COLUMN first_date DATE        NOT NULL;

-- build the customer history afresh, with the spans' segments and first dates
DELETE FROM kpi_derived WHERE table_name = 'customer_history';

-- Data model version 2 (data-model.md, "Changes in version 2"): three optional columns, added to an
-- existing database without touching its rows (each new column is NULL for the rows stored before).
--
-- customer_order.subscription_id: the subscription an order invoices; NULL for a one-off order. The
--   active-customer rule of kpi-vocabulary.md v2 tells subscription invoices from one-off orders by it.
-- deal.expected_close_date: when the owner expects the decision; feeds pipeline_forecast.
-- cost_entry.campaign_id: the campaign a cost belongs to (a trade fair, an agency's campaign work); part
--   of the table's key like channel_code, so campaign_key stands in for it in the unique key ('' for NULL).

ALTER TABLE customer_order
    ADD COLUMN subscription_id VARCHAR(64) NULL AFTER id,
    ADD CONSTRAINT fk_customer_order_subscription FOREIGN KEY (subscription_id) REFERENCES subscription (id);

ALTER TABLE deal
    ADD COLUMN expected_close_date DATE NULL AFTER closed_at;

ALTER TABLE cost_entry
    ADD COLUMN campaign_id VARCHAR(64) NULL AFTER channel_key,
    ADD COLUMN campaign_key VARCHAR(64) GENERATED ALWAYS AS (COALESCE(campaign_id, '')) STORED AFTER campaign_id,
    DROP INDEX uk_cost_entry,
    ADD UNIQUE KEY uk_cost_entry (month, category, channel_key, campaign_key),
    ADD CONSTRAINT fk_cost_entry_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id);

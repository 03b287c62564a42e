-- customer_order, all orders of a period by their day: the cancellation rate counts them per channel and
-- status. Through (order_date) alone it looked every one of the period's rows up in the table (October's
-- 91,000 orders of the benchmark in 0.7 s); with the status and the channel in the index it reads the index
-- alone. The new index begins with order_date and serves every query the old one served.
ALTER TABLE customer_order
    DROP KEY ix_customer_order_date,
    ADD KEY ix_customer_order_date_status_channel (order_date, status, channel_code);

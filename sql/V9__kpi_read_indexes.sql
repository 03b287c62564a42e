-- Indexes through which the KPI queries read only the period's rows.
--
-- customer_order, booked orders of a window: the window's rows by (status, order_date), covering the
--   account, whether the order is a subscription invoice and its amount, so that a month or a trailing
--   year reads the index alone.
-- customer_order, one-off orders of the days before a window: an account is active on day d through a
--   booked one-off order of [d - 364 days, d]; (subscription_id, status, order_date) picks those, covering
--   the account.
-- customer_order, per account: the first customer date and "a one-off order before the window" of the
--   few accounts that need them are one look-up each instead of a pass over every order ever booked.
ALTER TABLE customer_order
    ADD KEY ix_customer_order_status_date (status, order_date, account_id, subscription_id, amount),
    ADD KEY ix_customer_order_one_off_date (subscription_id, status, order_date, account_id),
    ADD KEY ix_customer_order_account_status_date (account_id, status, order_date);


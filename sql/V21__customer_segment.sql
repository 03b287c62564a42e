-- The customer figures are summed per segment: customer_first_date now carries each account's current segment,
-- so that the figures of a window join one table of the accounts that ever were customers instead of all
-- accounts as well. It is derived with the rest of the customer history and built again when account changes.

ALTER TABLE customer_first_date ADD COLUMN segment VARCHAR(16) NULL;

-- build the customer history afresh, with the segments
DELETE FROM kpi_derived WHERE table_name = 'customer_history';

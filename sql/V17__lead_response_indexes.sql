-- The lead response time and the campaign returns read the period's leads and each one's first contact from
-- indexes alone.
--
-- lead, by creation: the period's leads by created_at, covering the owner the response time is broken down
--   by. Without the owner the server read all leads through (owner_rep_id, created_at) instead of the
--   period's range: at a million leads 1.05 million index entries for a month's 84,000. It starts with
--   created_at, so it serves every query ix_lead_created_at served, which goes.
-- activity, by lead: a lead's activities from its creation on, covering the type (research is no contact),
--   which the server otherwise read from the table row by row. It starts with (lead_id, occurred_at), so it
--   serves every query ix_activity_lead_occurred served and the lead's foreign key, and replaces it.
-- lead, by campaign: a campaign's leads since its start (its lead count), which the server otherwise read
--   row by row through the foreign key's index on campaign_id alone.
--   It starts with campaign_id, so it serves the foreign key: the server drops the index it made for the key
--   by itself (it was never named here, so it is not dropped by name).
ALTER TABLE `lead`
    ADD KEY ix_lead_created_owner (created_at, owner_rep_id),
    DROP KEY ix_lead_created_at,
    ADD KEY ix_lead_campaign_created (campaign_id, created_at);

ALTER TABLE activity
    ADD KEY ix_activity_lead_occurred_type (lead_id, occurred_at, type),
    DROP KEY ix_activity_lead_occurred;

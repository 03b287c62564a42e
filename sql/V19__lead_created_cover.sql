-- The funnel counts a period's leads per channel, campaign and owner. ix_lead_created_owner covered the owner
-- but not the channel and the campaign, so the server read the whole table instead of the period's range and
-- a row for each lead in it: at a million leads, 1.05 million rows for a month's 84,000. With both columns in
-- the index it reads the month's entries alone: October's leads 1.4–1.7 s → 1.0–1.1 s, timed alternately.
-- The new index starts with (created_at, owner_rep_id), so it serves every query the one it replaces served.
ALTER TABLE `lead`
    ADD KEY ix_lead_created_cover (created_at, owner_rep_id, channel_code, campaign_id),
    DROP KEY ix_lead_created_owner;

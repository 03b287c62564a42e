-- One row per send (email_stats) sent up to :until that was sent, opened, clicked, replied to or unsubscribed
-- from in [:since, :until]. Kind: a one-off mail from a contact's page (no e-mail id) is SALES, a segment
-- e-mail NEWSLETTER, any other MARKETING. Only identified contacts are leads.
SELECT CONCAT('MA-ES-', s.id) AS id,
       CASE WHEN s.source = 'campaign.event' AND c.id IS NOT NULL THEN CONCAT('MA-CP-', c.id)
            WHEN e.email_type = 'list' THEN CONCAT('MA-EM-', e.id) END AS campaign_id,
       CASE WHEN l.date_identified IS NOT NULL THEN CONCAT('MA-', s.lead_id) END AS lead_id,
       NULL AS rep_id,
       CASE WHEN s.email_id IS NULL THEN 'SALES' WHEN e.email_type = 'list' THEN 'NEWSLETTER'
            ELSE 'MARKETING' END AS kind,
       s.date_sent AS sent_at,
       CASE WHEN s.is_failed = 1
              OR EXISTS (SELECT 1 FROM lead_donotcontact d
                          WHERE d.lead_id = s.lead_id AND d.channel = 'email' AND d.reason = 2
                            AND d.channel_id = s.email_id AND d.date_added >= s.date_sent)
            THEN 'BOUNCED' ELSE 'DELIVERED' END AS status,
       s.date_read AS opened_at,
       (SELECT MIN(h.date_hit) FROM page_hits h
         WHERE h.email_id = s.email_id AND h.lead_id = s.lead_id
           AND h.redirect_id IS NOT NULL AND h.date_hit >= s.date_sent) AS clicked_at,
       (SELECT MIN(r.date_replied) FROM email_stat_replies r WHERE r.stat_id = s.id) AS replied_at,
       (SELECT MIN(d.date_added) FROM lead_donotcontact d
         WHERE d.lead_id = s.lead_id AND d.channel = 'email' AND d.reason = 1
           AND d.channel_id = s.email_id AND d.date_added >= s.date_sent) AS unsubscribed_at
FROM email_stats s
LEFT JOIN emails e ON e.id = s.email_id
LEFT JOIN campaign_events ce ON s.source = 'campaign.event' AND ce.id = s.source_id
LEFT JOIN campaigns c ON c.id = ce.campaign_id AND c.deleted IS NULL
LEFT JOIN leads l ON l.id = s.lead_id
WHERE s.date_sent <= :until
  AND (s.date_sent >= :since
       OR s.last_opened >= :since
       OR s.id IN (SELECT r.stat_id FROM email_stat_replies r WHERE r.date_replied >= :since)
       OR EXISTS (SELECT 1 FROM page_hits h
                   WHERE h.email_id = s.email_id AND h.lead_id = s.lead_id AND h.redirect_id IS NOT NULL
                     AND h.date_hit >= :since)
       OR EXISTS (SELECT 1 FROM lead_donotcontact d
                   WHERE d.lead_id = s.lead_id AND d.channel = 'email' AND d.channel_id = s.email_id
                     AND d.date_added >= :since))

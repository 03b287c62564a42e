-- Identified contacts changed in [:since, :until], or whose campaigns or UTM tags did. First touch: the
-- first UTM medium (CHECK the media your links use) and the first campaign not joined by hand.
SELECT CONCAT('MA-', l.id) AS id,
       NULL AS account_id,
       COALESCE((SELECT CASE LOWER(u.utm_medium)
                            WHEN 'cpc' THEN 'PAID_SEARCH' WHEN 'ppc' THEN 'PAID_SEARCH'
                            WHEN 'email' THEN 'EMAIL' WHEN 'newsletter' THEN 'NEWSLETTER'
                            WHEN 'social' THEN 'SOCIAL' WHEN 'referral' THEN 'REFERRAL'
                            ELSE 'UNKNOWN' END
                   FROM lead_utmtags u
                  WHERE u.lead_id = l.id AND u.utm_medium IS NOT NULL
                  ORDER BY u.date_added, u.id LIMIT 1), 'UNKNOWN') AS channel_code,
       (SELECT CONCAT('MA-CP-', cl.campaign_id)
          FROM campaign_leads cl
          JOIN campaigns c ON c.id = cl.campaign_id AND c.deleted IS NULL
         WHERE cl.lead_id = l.id AND cl.manually_added = 0
         ORDER BY cl.date_added LIMIT 1) AS campaign_id,
       NULL AS owner_rep_id,
       l.date_identified AS created_at
FROM leads l
WHERE l.date_identified IS NOT NULL
  AND COALESCE(l.date_modified, l.date_added) <= :until
  AND (COALESCE(l.date_modified, l.date_added) >= :since
       OR l.id IN (SELECT cl.lead_id FROM campaign_leads cl WHERE cl.date_added BETWEEN :since AND :until)
       OR l.id IN (SELECT u.lead_id FROM lead_utmtags u WHERE u.date_added BETWEEN :since AND :until))

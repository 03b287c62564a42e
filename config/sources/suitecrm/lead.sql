-- Leads modified in [:since, :until], and opportunities no lead was converted into (each a lead of its own:
-- every deal needs one). CHECK the lead_source keys (lead_source_dom) and the codes they map to.
SELECT CONCAT('SC-L-', l.id) AS id,
       CASE WHEN a.id IS NOT NULL THEN CONCAT('SC-A-', a.id) END AS account_id,
       CASE l.lead_source
            WHEN 'Cold Call' THEN 'PHONE' WHEN 'Existing Customer' THEN 'REFERRAL' WHEN 'Word of mouth' THEN 'REFERRAL'
            WHEN 'Partner' THEN 'REFERRAL' WHEN 'Employee' THEN 'REFERRAL' WHEN 'Trade Show' THEN 'TRADE_FAIR'
            WHEN 'Conference' THEN 'EVENT' WHEN 'Web Site' THEN 'WEBSITE' WHEN 'Email' THEN 'EMAIL'
            ELSE 'UNKNOWN' END AS channel_code,
       NULL AS campaign_id,
       CASE WHEN l.assigned_user_id > '' THEN CONCAT('SC-U-', l.assigned_user_id) END AS owner_rep_id,
       l.date_entered AS created_at
FROM leads l
LEFT JOIN accounts a ON a.id = l.account_id AND a.deleted = 0
WHERE l.deleted = 0
  AND l.date_modified BETWEEN :since AND :until
UNION ALL
SELECT CONCAT('SC-O-', o.id),
       (SELECT CONCAT('SC-A-', MIN(ao.account_id)) FROM accounts_opportunities ao
          JOIN accounts a ON a.id = ao.account_id AND a.deleted = 0
         WHERE ao.opportunity_id = o.id AND ao.deleted = 0),
       CASE o.lead_source
            WHEN 'Cold Call' THEN 'PHONE' WHEN 'Existing Customer' THEN 'REFERRAL' WHEN 'Word of mouth' THEN 'REFERRAL'
            WHEN 'Partner' THEN 'REFERRAL' WHEN 'Employee' THEN 'REFERRAL' WHEN 'Trade Show' THEN 'TRADE_FAIR'
            WHEN 'Conference' THEN 'EVENT' WHEN 'Web Site' THEN 'WEBSITE' WHEN 'Email' THEN 'EMAIL'
            ELSE 'UNKNOWN' END,
       NULL,
       CASE WHEN o.assigned_user_id > '' THEN CONCAT('SC-U-', o.assigned_user_id) END,
       o.date_entered
FROM opportunities o
WHERE o.deleted = 0
  AND o.date_modified BETWEEN :since AND :until
  AND NOT EXISTS (SELECT 1 FROM leads l WHERE l.opportunity_id = o.id AND l.deleted = 0)

-- Opportunities modified in [:since, :until]. CHECK the sales stage mapping (sales_stage_dom keys); a stage not
-- mapped is kept as SQL. closed_at: the audit time of the change into the closing stage, else date_closed (a
-- date as entered, midnight business time).
SELECT CONCAT('SC-D-', o.id) AS id,
       COALESCE((SELECT CONCAT('SC-L-', MIN(l.id)) FROM leads l WHERE l.opportunity_id = o.id AND l.deleted = 0),
                CONCAT('SC-O-', o.id)) AS lead_id,
       (SELECT CONCAT('SC-A-', MIN(ao.account_id)) FROM accounts_opportunities ao
          JOIN accounts a ON a.id = ao.account_id AND a.deleted = 0
         WHERE ao.opportunity_id = o.id AND ao.deleted = 0) AS account_id,
       CASE WHEN o.assigned_user_id > '' THEN CONCAT('SC-U-', o.assigned_user_id) END AS owner_rep_id,
       o.date_entered AS created_at,
       s.stage AS stage,
       CASE s.stage WHEN 'WON' THEN 'WON' WHEN 'LOST' THEN 'LOST' ELSE 'OPEN' END AS status,
       ROUND(COALESCE(o.amount_usdollar, o.amount, 0), 2) AS amount,
       NULL AS contract_months,
       CASE WHEN s.stage IN ('WON', 'LOST') THEN
            COALESCE((SELECT CAST(MAX(a.date_created) AS CHAR) FROM opportunities_audit a
                       WHERE a.parent_id = o.id AND a.field_name = 'sales_stage'
                         AND a.after_value_string = o.sales_stage),
                     CAST(o.date_closed AS CHAR)) END AS closed_at,
       CASE WHEN s.stage NOT IN ('WON', 'LOST') THEN o.date_closed END AS expected_close_date
FROM (SELECT o.id,
             CASE o.sales_stage
                  WHEN 'Needs Analysis' THEN 'FIRST_MEETING'
                  WHEN 'Value Proposition' THEN 'SECOND_MEETING' WHEN 'Id. Decision Makers' THEN 'SECOND_MEETING'
                  WHEN 'Perception Analysis' THEN 'SECOND_MEETING'
                  WHEN 'Proposal/Price Quote' THEN 'OFFER' WHEN 'Negotiation/Review' THEN 'CONTRACT_SENT'
                  WHEN 'Closed Won' THEN 'WON' WHEN 'Closed Lost' THEN 'LOST' ELSE 'SQL' END AS stage
      FROM opportunities o) s
JOIN opportunities o ON o.id = s.id
WHERE o.deleted = 0
  AND o.date_modified BETWEEN :since AND :until

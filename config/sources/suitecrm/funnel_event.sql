-- The first time per lead and stage, for the leads whose lead or opportunity changed in [:since, :until].
-- A converted lead's opportunity counts for that lead; any other opportunity is its own lead SC-O-<id>.
-- CHECK the stage mappings: lead status keys (lead_status_dom) and sales stage keys (sales_stage_dom).
WITH opp AS (
    SELECT o.id, o.date_entered, o.date_modified, o.sales_stage,
           COALESCE((SELECT CONCAT('SC-L-', MIN(l.id)) FROM leads l WHERE l.opportunity_id = o.id AND l.deleted = 0),
                    CONCAT('SC-O-', o.id)) AS lead_id
    FROM opportunities o
    WHERE o.deleted = 0
), status_event AS (
    SELECT CONCAT('SC-L-', a.parent_id) AS lead_id, a.after_value_string AS status, a.date_created AS at_utc
    FROM leads_audit a JOIN leads l ON l.id = a.parent_id AND l.deleted = 0
    WHERE a.field_name = 'status'
    UNION ALL
    SELECT CONCAT('SC-L-', l.id), COALESCE((SELECT a.before_value_string FROM leads_audit a
                                             WHERE a.parent_id = l.id AND a.field_name = 'status'
                                             ORDER BY a.date_created LIMIT 1), l.status), l.date_entered
    FROM leads l WHERE l.deleted = 0
), stage_event AS (
    SELECT opp.lead_id, a.after_value_string AS sales_stage, a.date_created AS at_utc
    FROM opportunities_audit a JOIN opp ON opp.id = a.parent_id
    WHERE a.field_name = 'sales_stage'
    UNION ALL
    SELECT opp.lead_id, COALESCE((SELECT a.before_value_string FROM opportunities_audit a
                                   WHERE a.parent_id = opp.id AND a.field_name = 'sales_stage'
                                   ORDER BY a.date_created LIMIT 1), opp.sales_stage), opp.date_entered
    FROM opp
), ev AS (
    SELECT lead_id,
           CASE status WHEN 'Assigned' THEN 'SAL' WHEN 'In Process' THEN 'SAL' WHEN 'Converted' THEN 'SQL'
                       WHEN 'Dead' THEN 'DISQUALIFIED' END AS stage,
           at_utc
    FROM status_event
    UNION ALL
    SELECT lead_id, 'SQL', date_entered FROM opp
    UNION ALL
    SELECT lead_id,
           CASE sales_stage
                WHEN 'Prospecting' THEN 'SQL' WHEN 'Qualification' THEN 'SQL'
                WHEN 'Needs Analysis' THEN 'FIRST_MEETING'
                WHEN 'Value Proposition' THEN 'SECOND_MEETING' WHEN 'Id. Decision Makers' THEN 'SECOND_MEETING'
                WHEN 'Perception Analysis' THEN 'SECOND_MEETING'
                WHEN 'Proposal/Price Quote' THEN 'OFFER' WHEN 'Negotiation/Review' THEN 'CONTRACT_SENT'
                WHEN 'Closed Won' THEN 'WON' WHEN 'Closed Lost' THEN 'LOST' END,
           at_utc
    FROM stage_event
), touched AS (
    SELECT CONCAT('SC-L-', l.id) AS lead_id FROM leads l WHERE l.date_modified BETWEEN :since AND :until
    UNION SELECT CONCAT('SC-L-', a.parent_id) FROM leads_audit a
           WHERE a.field_name = 'status' AND a.date_created BETWEEN :since AND :until
    UNION SELECT opp.lead_id FROM opp WHERE opp.date_modified BETWEEN :since AND :until
    UNION SELECT opp.lead_id FROM opportunities_audit a JOIN opp ON opp.id = a.parent_id
           WHERE a.field_name = 'sales_stage' AND a.date_created BETWEEN :since AND :until
)
SELECT ev.lead_id AS lead_id, ev.stage AS stage, MIN(ev.at_utc) AS occurred_at
FROM ev
WHERE ev.stage IS NOT NULL
  AND ev.at_utc <= :until
  AND ev.lead_id IN (SELECT lead_id FROM touched)
GROUP BY ev.lead_id, ev.stage

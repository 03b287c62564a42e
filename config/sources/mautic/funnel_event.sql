-- The first time per identified contact and stage, for the contacts with a stage logged in [:since, :until].
-- CHECK: map your stage names (stages.name); a stage not mapped here is no funnel stage and is left out.
SELECT CONCAT('MA-', s.lead_id) AS lead_id,
       CASE UPPER(st.name)
           WHEN 'MQL' THEN 'MQL' WHEN 'MARKETING QUALIFIED LEAD' THEN 'MQL'
           WHEN 'SAL' THEN 'SAL' WHEN 'SALES ACCEPTED LEAD' THEN 'SAL'
           WHEN 'SQL' THEN 'SQL' WHEN 'SALES QUALIFIED LEAD' THEN 'SQL'
           WHEN 'CUSTOMER' THEN 'WON' WHEN 'WON' THEN 'WON' WHEN 'LOST' THEN 'LOST'
           WHEN 'DISQUALIFIED' THEN 'DISQUALIFIED'
       END AS stage,
       MIN(s.date_added) AS occurred_at
FROM lead_stages_change_log s
JOIN stages st ON st.id = s.stage_id
JOIN leads l ON l.id = s.lead_id AND l.date_identified IS NOT NULL
WHERE s.lead_id IN (SELECT c.lead_id FROM lead_stages_change_log c WHERE c.date_added BETWEEN :since AND :until)
  AND s.date_added <= :until
GROUP BY s.lead_id, stage
HAVING stage IS NOT NULL

-- Held and not held calls and meetings, and sent e-mails, modified in [:since, :until]. The lead is the parent
-- record (a lead, or an opportunity's lead); the account the parent account, else the lead's.
WITH act AS (
    SELECT CONCAT('SC-CALL-', c.id) AS id, COALESCE(NULLIF(c.assigned_user_id, ''), c.created_by) AS user_id,
           c.parent_type, c.parent_id, 'PHONE' AS channel_code, 'CALL' AS type, c.date_start AS occurred_at,
           COALESCE(c.duration_hours, 0) * 60 + COALESCE(c.duration_minutes, 0) AS duration_minutes,
           CASE c.status WHEN 'Held' THEN 'REACTION' ELSE 'NO_REACTION' END AS outcome
    FROM calls c
    WHERE c.deleted = 0 AND c.status IN ('Held', 'Not Held') AND c.date_modified BETWEEN :since AND :until
    UNION ALL
    SELECT CONCAT('SC-MTG-', m.id), COALESCE(NULLIF(m.assigned_user_id, ''), m.created_by), m.parent_type,
           m.parent_id, 'MEETING',
           CASE WHEN COALESCE(m.type, 'Sugar') <> 'Sugar' OR m.join_url > '' THEN 'VIDEO_CALL' ELSE 'MEETING' END,
           m.date_start, COALESCE(m.duration_hours, 0) * 60 + COALESCE(m.duration_minutes, 0),
           CASE m.status WHEN 'Held' THEN 'REACTION' ELSE 'NO_REACTION' END
    FROM meetings m
    WHERE m.deleted = 0 AND m.status IN ('Held', 'Not Held') AND m.date_modified BETWEEN :since AND :until
    UNION ALL
    SELECT CONCAT('SC-EM-', e.id), COALESCE(NULLIF(e.assigned_user_id, ''), e.created_by), e.parent_type,
           e.parent_id, 'EMAIL', 'EMAIL', e.date_sent_received, NULL, NULL
    FROM emails e
    WHERE e.deleted = 0 AND e.type = 'out' AND e.status = 'sent' AND e.date_modified BETWEEN :since AND :until
)
SELECT act.id AS id,
       CONCAT('SC-U-', act.user_id) AS rep_id,
       CASE WHEN act.parent_type = 'Leads' AND l.id IS NOT NULL THEN CONCAT('SC-L-', l.id)
            WHEN act.parent_type = 'Opportunities' AND o.id IS NOT NULL
                 THEN COALESCE((SELECT CONCAT('SC-L-', MIN(cl.id)) FROM leads cl
                                 WHERE cl.opportunity_id = o.id AND cl.deleted = 0), CONCAT('SC-O-', o.id))
       END AS lead_id,
       CASE WHEN act.parent_type = 'Accounts' AND pa.id IS NOT NULL THEN CONCAT('SC-A-', pa.id)
            WHEN la.id IS NOT NULL THEN CONCAT('SC-A-', la.id) END AS account_id,
       act.channel_code AS channel_code,
       act.type AS type,
       act.occurred_at AS occurred_at,
       act.duration_minutes AS duration_minutes,
       act.outcome AS outcome
FROM act
LEFT JOIN leads l ON act.parent_type = 'Leads' AND l.id = act.parent_id AND l.deleted = 0
LEFT JOIN accounts la ON la.id = l.account_id AND la.deleted = 0
LEFT JOIN opportunities o ON act.parent_type = 'Opportunities' AND o.id = act.parent_id AND o.deleted = 0
LEFT JOIN accounts pa ON act.parent_type = 'Accounts' AND pa.id = act.parent_id AND pa.deleted = 0

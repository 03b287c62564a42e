-- Campaigns (soft-deleted ones left out) and segment e-mails as NEWSLETTER pseudo-campaigns, changed in
-- [:since, :until].
SELECT CONCAT('MA-CP-', c.id) AS id, c.name AS name, 'EMAIL' AS channel_code,
       DATE(COALESCE(c.publish_up, c.date_added)) AS start_date, DATE(c.publish_down) AS end_date,
       NULL AS budget
FROM campaigns c
WHERE c.deleted IS NULL
  AND COALESCE(c.date_modified, c.date_added) BETWEEN :since AND :until
UNION ALL
SELECT CONCAT('MA-EM-', e.id), e.name, 'NEWSLETTER',
       DATE(COALESCE(e.publish_up, e.date_added)), DATE(e.publish_down), NULL
FROM emails e
WHERE e.email_type = 'list'
  AND COALESCE(e.date_modified, e.date_added) BETWEEN :since AND :until

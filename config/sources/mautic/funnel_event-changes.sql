SELECT MIN(s.date_added) AS first_change, MAX(s.date_added) AS last_change
FROM lead_stages_change_log s
WHERE s.date_added >= :since

SELECT MIN(a.date_modified) AS first_change, MAX(a.date_modified) AS last_change
FROM accounts a
WHERE a.date_modified >= :since

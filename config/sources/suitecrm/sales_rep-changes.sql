SELECT MIN(u.date_modified) AS first_change, MAX(u.date_modified) AS last_change
FROM users u
WHERE u.date_modified >= :since

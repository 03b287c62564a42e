SELECT MIN(x.changed) AS first_change, MAX(x.changed) AS last_change
FROM (SELECT COALESCE(c.date_modified, c.date_added) AS changed FROM campaigns c
      UNION ALL
      SELECT COALESCE(e.date_modified, e.date_added) FROM emails e WHERE e.email_type = 'list') x
WHERE x.changed >= :since

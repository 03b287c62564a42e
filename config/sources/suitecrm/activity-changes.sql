SELECT MIN(x.changed) AS first_change, MAX(x.changed) AS last_change
FROM (SELECT c.date_modified AS changed FROM calls c
      UNION ALL SELECT m.date_modified FROM meetings m
      UNION ALL SELECT e.date_modified FROM emails e) x
WHERE x.changed >= :since

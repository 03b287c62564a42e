SELECT MIN(x.changed) AS first_change, MAX(x.changed) AS last_change
FROM (SELECT l.date_modified AS changed FROM leads l
      UNION ALL SELECT o.date_modified FROM opportunities o) x
WHERE x.changed >= :since

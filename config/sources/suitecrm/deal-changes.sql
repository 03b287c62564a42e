SELECT MIN(x.changed) AS first_change, MAX(x.changed) AS last_change
FROM (SELECT o.date_modified AS changed FROM opportunities o
      UNION ALL SELECT a.date_created FROM opportunities_audit a WHERE a.field_name = 'sales_stage') x
WHERE x.changed >= :since

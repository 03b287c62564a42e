SELECT MIN(x.changed) AS first_change, MAX(x.changed) AS last_change
FROM (SELECT COALESCE(l.date_modified, l.date_added) AS changed FROM leads l
      UNION ALL SELECT cl.date_added FROM campaign_leads cl
      UNION ALL SELECT u.date_added FROM lead_utmtags u) x
WHERE x.changed >= :since

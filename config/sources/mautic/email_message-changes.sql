SELECT MIN(x.changed) AS first_change, MAX(x.changed) AS last_change
FROM (SELECT s.date_sent AS changed FROM email_stats s
      UNION ALL SELECT s.last_opened FROM email_stats s
      UNION ALL SELECT r.date_replied FROM email_stat_replies r
      UNION ALL SELECT h.date_hit FROM page_hits h WHERE h.email_id IS NOT NULL AND h.redirect_id IS NOT NULL
      UNION ALL SELECT d.date_added FROM lead_donotcontact d WHERE d.channel = 'email') x
WHERE x.changed >= :since

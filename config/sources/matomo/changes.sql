-- The visits that changed since the last sync: a visit's last action time moves on with every action, so the
-- days holding visits whose last action is at or after the previous sync's latest one are the days to compute
-- again. Matomo indexes (idsite, visit_last_action_time).
SELECT MIN(v.visit_last_action_time) AS first_change,
       MAX(v.visit_last_action_time) AS last_change
FROM matomo_log_visit v
WHERE v.idsite IN (:sites)
  AND v.visit_last_action_time >= :since

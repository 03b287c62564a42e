-- Users modified in [:since, :until]; the e-mail is the primary address in the e-mail tables.
SELECT CONCAT('SC-U-', u.id) AS id,
       COALESCE(NULLIF(TRIM(CONCAT_WS(' ', u.first_name, u.last_name)), ''), u.user_name) AS name,
       (SELECT LOWER(MIN(ea.email_address)) FROM email_addr_bean_rel r
          JOIN email_addresses ea ON ea.id = r.email_address_id AND ea.deleted = 0
         WHERE r.bean_module = 'Users' AND r.bean_id = u.id AND r.primary_address = 1 AND r.deleted = 0) AS email,
       NULLIF(u.department, '') AS team,
       CASE WHEN u.deleted = 0 AND u.status = 'Active' AND COALESCE(u.employee_status, 'Active') = 'Active'
                 AND u.is_group = 0 AND u.portal_only = 0 THEN 'true' ELSE 'false' END AS active
FROM users u
WHERE u.date_modified BETWEEN :since AND :until

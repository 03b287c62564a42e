-- Accounts modified in [:since, :until]. CHECK the country names your users type.
SELECT CONCAT('SC-A-', a.id) AS id,
       a.name AS name,
       NULLIF(a.industry, '') AS industry,
       CASE WHEN a.employees REGEXP '^[0-9]+$' THEN
            CASE WHEN CAST(a.employees AS UNSIGNED) < 50 THEN 'SMB'
                 WHEN CAST(a.employees AS UNSIGNED) < 1000 THEN 'MID' ELSE 'ENTERPRISE' END END AS segment,
       CASE UPPER(TRIM(a.billing_address_country))
            WHEN 'DE' THEN 'DE' WHEN 'GERMANY' THEN 'DE' WHEN 'DEUTSCHLAND' THEN 'DE'
            WHEN 'AT' THEN 'AT' WHEN 'AUSTRIA' THEN 'AT' WHEN 'ÖSTERREICH' THEN 'AT'
            WHEN 'CH' THEN 'CH' WHEN 'SWITZERLAND' THEN 'CH' WHEN 'SCHWEIZ' THEN 'CH'
       END AS country,
       a.date_entered AS created_at
FROM accounts a
WHERE a.deleted = 0
  AND a.date_modified BETWEEN :since AND :until

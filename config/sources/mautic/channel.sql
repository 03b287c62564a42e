-- The channels the other queries map to (names are overwritten by every sync).
SELECT 'EMAIL' AS code, 'E-mail' AS name, 'ONLINE' AS category
UNION ALL SELECT 'NEWSLETTER', 'Newsletter', 'ONLINE'
UNION ALL SELECT 'PAID_SEARCH', 'Paid search', 'ONLINE'
UNION ALL SELECT 'SOCIAL', 'Social media', 'ONLINE'
UNION ALL SELECT 'REFERRAL', 'Referral', 'ONLINE'
UNION ALL SELECT 'WEBSITE', 'Website', 'ONLINE'
UNION ALL SELECT 'UNKNOWN', 'Unknown', 'ONLINE'

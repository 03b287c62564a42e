-- The channels matomo/web_traffic_daily.sql maps visits to, so that its rows find them. Rename them here
-- (names are overwritten by every sync); a code you add to the mapping needs a row here too.
SELECT 'DIRECT' AS code, 'Direct' AS name, 'ONLINE' AS category
UNION ALL SELECT 'ORGANIC_SEARCH', 'Organic search', 'ONLINE'
UNION ALL SELECT 'PAID_SEARCH', 'Paid search', 'ONLINE'
UNION ALL SELECT 'REFERRAL', 'Referral', 'ONLINE'
UNION ALL SELECT 'EMAIL', 'E-mail', 'ONLINE'
UNION ALL SELECT 'NEWSLETTER', 'Newsletter', 'ONLINE'
UNION ALL SELECT 'SOCIAL', 'Social media', 'ONLINE'
UNION ALL SELECT 'LINKEDIN', 'LinkedIn', 'ONLINE'
UNION ALL SELECT 'XING', 'XING', 'ONLINE'
UNION ALL SELECT 'CAMPAIGN', 'Other campaigns', 'ONLINE'
UNION ALL SELECT 'UNKNOWN', 'Unknown', 'ONLINE'

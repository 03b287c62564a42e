-- The channels the other queries map to (names are overwritten by every sync).
SELECT 'PHONE' AS code, 'Phone' AS name, 'OFFLINE' AS category
UNION ALL SELECT 'MEETING', 'Meeting', 'OFFLINE'
UNION ALL SELECT 'EMAIL', 'E-mail', 'ONLINE'
UNION ALL SELECT 'WEBSITE', 'Website', 'ONLINE'
UNION ALL SELECT 'REFERRAL', 'Referral', 'OFFLINE'
UNION ALL SELECT 'TRADE_FAIR', 'Trade fair', 'OFFLINE'
UNION ALL SELECT 'EVENT', 'Event', 'OFFLINE'
UNION ALL SELECT 'UNKNOWN', 'Unknown', 'ONLINE'

-- The part of a Mautic 5 database config/sources/mautic/*.sql reads (no table prefix), column types as the
-- entities' loadMetadata() declare them, columns nobody reads left out; and a small data set. UTC times.
CREATE TABLE campaigns (id INT UNSIGNED NOT NULL PRIMARY KEY, name VARCHAR(191) NOT NULL, publish_up DATETIME NULL,
    publish_down DATETIME NULL, date_added DATETIME NULL, date_modified DATETIME NULL, deleted DATETIME NULL);
CREATE TABLE emails (id INT UNSIGNED NOT NULL PRIMARY KEY, name VARCHAR(191) NOT NULL, email_type LONGTEXT NULL,
    publish_up DATETIME NULL, publish_down DATETIME NULL, date_added DATETIME NULL, date_modified DATETIME NULL);
CREATE TABLE campaign_events (id INT UNSIGNED NOT NULL PRIMARY KEY, campaign_id INT UNSIGNED NOT NULL,
    channel VARCHAR(191) NULL, channel_id VARCHAR(64) NULL);
CREATE TABLE stages (id INT UNSIGNED NOT NULL PRIMARY KEY, name VARCHAR(191) NOT NULL);
CREATE TABLE leads (id BIGINT UNSIGNED NOT NULL PRIMARY KEY, email VARCHAR(191) NULL, date_identified DATETIME NULL,
    date_added DATETIME NULL, date_modified DATETIME NULL);
CREATE TABLE lead_utmtags (id INT UNSIGNED NOT NULL PRIMARY KEY, lead_id BIGINT UNSIGNED NOT NULL,
    date_added DATETIME NOT NULL, utm_medium VARCHAR(191) NULL, utm_source VARCHAR(191) NULL);
CREATE TABLE campaign_leads (campaign_id INT UNSIGNED NOT NULL, lead_id BIGINT UNSIGNED NOT NULL,
    date_added DATETIME NOT NULL, manually_added TINYINT(1) NOT NULL, PRIMARY KEY (campaign_id, lead_id));
CREATE TABLE lead_stages_change_log (id INT UNSIGNED NOT NULL PRIMARY KEY, lead_id BIGINT UNSIGNED NOT NULL,
    stage_id INT UNSIGNED NULL, event_name VARCHAR(191) NOT NULL, date_added DATETIME NOT NULL);
CREATE TABLE email_stats (id BIGINT UNSIGNED NOT NULL PRIMARY KEY, email_id INT UNSIGNED NULL,
    lead_id BIGINT UNSIGNED NULL, date_sent DATETIME NOT NULL, is_read TINYINT(1) NOT NULL,
    is_failed TINYINT(1) NOT NULL, date_read DATETIME NULL, last_opened DATETIME NULL, source VARCHAR(191) NULL,
    source_id INT NULL);
CREATE TABLE email_stat_replies (id CHAR(36) NOT NULL PRIMARY KEY, stat_id BIGINT UNSIGNED NOT NULL,
    date_replied DATETIME NOT NULL, message_id VARCHAR(191) NOT NULL);
CREATE TABLE page_hits (id BIGINT UNSIGNED NOT NULL PRIMARY KEY, date_hit DATETIME NOT NULL,
    redirect_id BIGINT UNSIGNED NULL, email_id INT UNSIGNED NULL, lead_id BIGINT UNSIGNED NULL, code INT NOT NULL,
    url LONGTEXT NULL);
CREATE TABLE lead_donotcontact (id INT UNSIGNED NOT NULL PRIMARY KEY, lead_id BIGINT UNSIGNED NULL,
    date_added DATETIME NOT NULL, reason SMALLINT NOT NULL, channel VARCHAR(191) NOT NULL, channel_id INT NULL);

INSERT INTO campaigns VALUES
    (1, 'Welcome series', '2026-10-01 08:00:00', NULL, '2026-10-01 08:00:00', '2026-10-01 08:00:00', NULL),
    (2, 'Old test', NULL, NULL, '2026-09-01 08:00:00', '2026-09-02 08:00:00', '2026-09-02 08:00:00');
INSERT INTO emails VALUES
    (10, 'Welcome mail', 'template', NULL, NULL, '2026-10-01 08:00:00', NULL),
    (11, 'November newsletter', 'list', '2026-11-01 07:00:00', NULL, '2026-11-01 07:00:00', NULL);
INSERT INTO campaign_events VALUES (100, 1, 'email', '10');
INSERT INTO stages VALUES (1, 'MQL'), (2, 'SQL'), (3, 'Nurture');
INSERT INTO leads VALUES
    (1, 'anna@example.com', '2026-11-02 09:00:00', '2026-11-02 08:55:00', '2026-11-02 09:00:00'),
    (2, 'ben@example.com', '2026-11-03 10:00:00', '2026-11-03 10:00:00', NULL),
    (3, NULL, NULL, '2026-11-01 12:00:00', NULL);
INSERT INTO lead_utmtags VALUES (1, 1, '2026-11-02 08:55:00', 'cpc', 'google');
INSERT INTO campaign_leads VALUES (1, 1, '2026-11-02 09:05:00', 0);
INSERT INTO lead_stages_change_log VALUES
    (1, 1, 3, 'Nurture', '2026-11-02 09:10:00'),
    (2, 1, 1, 'MQL', '2026-11-04 10:00:00'),
    (3, 2, 1, 'MQL', '2026-11-03 12:00:00'),
    (4, 2, 2, 'SQL', '2026-11-05 09:00:00'),
    (5, 3, 1, 'MQL', '2026-11-03 12:00:00');
INSERT INTO email_stats VALUES
    (1000, 10, 1, '2026-11-02 09:10:00', 1, 0, '2026-11-02 10:00:00', '2026-11-02 10:00:00', 'campaign.event', 100),
    (1001, 11, 2, '2026-11-04 07:00:00', 0, 0, NULL, NULL, NULL, NULL),
    (1002, 11, 1, '2026-11-04 07:00:00', 0, 1, NULL, NULL, NULL, NULL),
    (1003, NULL, 2, '2026-11-05 15:00:00', 0, 0, NULL, NULL, NULL, NULL),
    (1004, 11, 3, '2026-11-04 07:00:00', 0, 0, NULL, NULL, NULL, NULL);
INSERT INTO email_stat_replies VALUES ('r1', 1000, '2026-11-02 11:00:00', 'm1');
INSERT INTO page_hits VALUES (1, '2026-11-02 10:05:00', 5, 10, 1, 302, 'https://example.com/offer');
INSERT INTO lead_donotcontact VALUES (1, 2, '2026-11-04 08:00:00', 1, 'email', 11);

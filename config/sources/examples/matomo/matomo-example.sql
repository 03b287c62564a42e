-- A small Matomo 5 database for the README's worked example ("Nightly sync") and the sync's test: the tables
-- and columns config/sources/matomo/*.sql read, with Matomo's default prefix matomo_, as core/Db/Schema/Mysql.php
-- and the dimension classes create them (columns nobody reads left out). Times are UTC, as Matomo stores them.
-- Two sites; nine visits on 1-3 November 2026 (UTC), the profile reads site 1.

CREATE TABLE matomo_site (
    idsite INT(10) UNSIGNED NOT NULL AUTO_INCREMENT, name VARCHAR(90) NOT NULL, main_url VARCHAR(255) NOT NULL,
    ts_created TIMESTAMP NULL, timezone VARCHAR(50) NOT NULL, currency CHAR(3) NOT NULL,
    PRIMARY KEY (idsite));

CREATE TABLE matomo_log_action (
    idaction INT(10) UNSIGNED NOT NULL AUTO_INCREMENT, name VARCHAR(4096), hash INT UNSIGNED NOT NULL,
    type TINYINT UNSIGNED NULL, url_prefix TINYINT(2) NULL,
    PRIMARY KEY (idaction));

CREATE TABLE matomo_log_visit (
    idvisit BIGINT(10) UNSIGNED NOT NULL AUTO_INCREMENT, idsite INT(10) UNSIGNED NOT NULL,
    idvisitor BINARY(8) NOT NULL, visit_last_action_time DATETIME NOT NULL, config_id BINARY(8) NOT NULL,
    location_ip VARBINARY(16) NOT NULL, visit_first_action_time DATETIME NOT NULL,
    visit_total_actions INT(11) UNSIGNED NULL, visit_total_time INT(11) UNSIGNED NOT NULL,
    visit_entry_idaction_url INT(11) UNSIGNED NULL, referer_type TINYINT(1) UNSIGNED NULL,
    referer_name VARCHAR(255) NULL, referer_keyword VARCHAR(255) NULL, referer_url VARCHAR(1500) NULL,
    campaign_name VARCHAR(255) NULL, campaign_medium VARCHAR(255) NULL, campaign_source VARCHAR(255) NULL,
    PRIMARY KEY (idvisit),
    INDEX index_idsite_config_datetime (idsite, config_id, visit_last_action_time),
    INDEX index_idsite_datetime (idsite, visit_last_action_time));

CREATE TABLE matomo_log_link_visit_action (
    idlink_va BIGINT(10) UNSIGNED NOT NULL AUTO_INCREMENT, idsite INT(10) UNSIGNED NOT NULL,
    idvisitor BINARY(8) NOT NULL, idvisit BIGINT(10) UNSIGNED NOT NULL, idaction_url INT(10) UNSIGNED NULL,
    server_time DATETIME NOT NULL,
    PRIMARY KEY (idlink_va), INDEX index_idvisit (idvisit));

CREATE TABLE matomo_log_conversion (
    idvisit INT(10) UNSIGNED NOT NULL, idsite INT(10) UNSIGNED NOT NULL, idvisitor BINARY(8) NOT NULL,
    server_time DATETIME NOT NULL, idgoal INT(10) NOT NULL, buster INT UNSIGNED NOT NULL,
    PRIMARY KEY (idvisit, idgoal, buster));

INSERT INTO matomo_site (idsite, name, main_url, timezone, currency) VALUES
    (1, 'Example', 'https://example.com', 'Europe/Berlin', 'EUR'),
    (2, 'Shop', 'https://shop.example.com', 'Europe/Berlin', 'EUR');

-- url_prefix 2 = https://, 3 = https://www.; type 1 = page URL, 3 = download
INSERT INTO matomo_log_action (idaction, name, hash, type, url_prefix) VALUES
    (1, 'example.com/', 1, 1, 2),
    (2, 'example.com/pricing?ref=x', 2, 1, 3),
    (3, 'example.com/whitepaper.pdf', 3, 3, 2),
    (4, 'example.com/contact#form', 4, 1, 2);

-- referer_type 1 direct, 2 search engine, 6 campaign, 7 social network
INSERT INTO matomo_log_visit (idvisit, idsite, idvisitor, visit_last_action_time, config_id, location_ip,
    visit_first_action_time, visit_total_actions, visit_total_time, visit_entry_idaction_url, referer_type,
    referer_name, campaign_medium) VALUES
    (1, 1, 'visitorA', '2026-11-02 08:10:00', 'config-1', 'ip-1', TIMESTAMPADD(SECOND, -300, '2026-11-02 08:10:00'), 3, 300, 1, 1, NULL, NULL),
    (2, 1, 'visitorB', '2026-11-02 09:00:00', 'config-2', 'ip-2', '2026-11-02 09:00:00', 1, 0, 1, 1, NULL, NULL),
    (3, 1, 'visitorA', '2026-11-02 22:30:00', 'config-3', 'ip-3', TIMESTAMPADD(SECOND, -60, '2026-11-02 22:30:00'), 2, 60, 1, 1, NULL, NULL),
    (4, 1, 'visitorC', '2026-11-01 23:30:00', 'config-4', 'ip-4', '2026-11-01 23:30:00', 1, 0, 2, 2, 'Google', NULL),
    (5, 1, 'visitorD', '2026-11-02 12:00:00', 'config-5', 'ip-5', TIMESTAMPADD(SECOND, -45, '2026-11-02 12:00:00'), 2, 45, 2, 6, 'autumn-sale', 'cpc'),
    (6, 2, 'visitorA', '2026-11-02 10:00:00', 'config-6', 'ip-6', '2026-11-02 10:00:00', 1, 0, 1, 1, NULL, NULL),
    (7, 1, 'visitorE', '2026-11-03 10:00:00', 'config-7', 'ip-7', TIMESTAMPADD(SECOND, -120, '2026-11-03 10:00:00'), 2, 120, 4, 7, 'LinkedIn', NULL),
    (8, 1, 'visitorB', '2026-11-03 11:00:00', 'config-8', 'ip-8', '2026-11-03 11:00:00', 1, 0, 1, 7, 'Facebook', NULL),
    (9, 1, 'visitorF', '2026-11-02 23:15:00', 'config-9', 'ip-9', '2026-11-02 23:15:00', 1, 0, 1, 1, NULL, NULL);

-- the visits' actions, at their last action time
INSERT INTO matomo_log_link_visit_action (idsite, idvisitor, idvisit, idaction_url, server_time) VALUES
    (1, 'visitorA', 1, 1, '2026-11-02 08:10:00'),
    (1, 'visitorA', 1, 4, '2026-11-02 08:10:00'),
    (1, 'visitorA', 1, 3, '2026-11-02 08:10:00'),
    (1, 'visitorB', 2, 1, '2026-11-02 09:00:00'),
    (1, 'visitorA', 3, 1, '2026-11-02 22:30:00'),
    (1, 'visitorA', 3, 4, '2026-11-02 22:30:00'),
    (1, 'visitorC', 4, 2, '2026-11-01 23:30:00'),
    (1, 'visitorD', 5, 2, '2026-11-02 12:00:00'),
    (1, 'visitorD', 5, 3, '2026-11-02 12:00:00'),
    (2, 'visitorA', 6, 1, '2026-11-02 10:00:00'),
    (1, 'visitorE', 7, 4, '2026-11-03 10:00:00'),
    (1, 'visitorE', 7, 1, '2026-11-03 10:00:00'),
    (1, 'visitorF', 9, 1, '2026-11-02 23:15:00');

-- goal 1 is the contact form, goal 2 a newsletter sign-up
INSERT INTO matomo_log_conversion (idvisit, idsite, idvisitor, server_time, idgoal, buster) VALUES
    (1, 1, 'visitorA', '2026-11-02 08:10:00', 1, 0),
    (5, 1, 'visitorD', '2026-11-02 12:00:00', 2, 0),
    (7, 1, 'visitorE', '2026-11-03 10:00:00', 1, 0);

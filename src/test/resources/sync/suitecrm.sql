-- The part of a SuiteCRM 7 database config/sources/suitecrm/*.sql reads, column types as the vardefs declare them,
-- columns nobody reads left out; and a small data set. Datetimes UTC, date_closed a date as entered.
CREATE TABLE users (id CHAR(36) NOT NULL PRIMARY KEY, user_name VARCHAR(60), first_name VARCHAR(255),
    last_name VARCHAR(255), status VARCHAR(100), employee_status VARCHAR(100), department VARCHAR(50),
    is_group TINYINT(1) DEFAULT 0, portal_only TINYINT(1) DEFAULT 0, deleted TINYINT(1) DEFAULT 0,
    date_modified DATETIME);
CREATE TABLE email_addresses (id CHAR(36) NOT NULL PRIMARY KEY, email_address VARCHAR(255),
    deleted TINYINT(1) DEFAULT 0);
CREATE TABLE email_addr_bean_rel (id CHAR(36) NOT NULL PRIMARY KEY, email_address_id CHAR(36), bean_id CHAR(36),
    bean_module VARCHAR(100), primary_address TINYINT(1) DEFAULT 0, deleted TINYINT(1) DEFAULT 0);
CREATE TABLE accounts (id CHAR(36) NOT NULL PRIMARY KEY, name VARCHAR(150), industry VARCHAR(50),
    employees VARCHAR(10), billing_address_country VARCHAR(255), date_entered DATETIME, date_modified DATETIME,
    deleted TINYINT(1) DEFAULT 0);
CREATE TABLE leads (id CHAR(36) NOT NULL PRIMARY KEY, status VARCHAR(100), lead_source VARCHAR(100),
    assigned_user_id CHAR(36), account_id CHAR(36), opportunity_id CHAR(36), date_entered DATETIME,
    date_modified DATETIME, deleted TINYINT(1) DEFAULT 0);
CREATE TABLE opportunities (id CHAR(36) NOT NULL PRIMARY KEY, name VARCHAR(50), lead_source VARCHAR(50),
    assigned_user_id CHAR(36), sales_stage VARCHAR(255), amount DOUBLE, amount_usdollar DOUBLE, date_closed DATE,
    date_entered DATETIME, date_modified DATETIME, deleted TINYINT(1) DEFAULT 0);
CREATE TABLE accounts_opportunities (id CHAR(36) NOT NULL PRIMARY KEY, opportunity_id CHAR(36), account_id CHAR(36),
    deleted TINYINT(1) DEFAULT 0);
CREATE TABLE leads_audit (id CHAR(36) NOT NULL PRIMARY KEY, parent_id CHAR(36) NOT NULL, date_created DATETIME,
    field_name VARCHAR(100), before_value_string VARCHAR(255), after_value_string VARCHAR(255));
CREATE TABLE opportunities_audit (id CHAR(36) NOT NULL PRIMARY KEY, parent_id CHAR(36) NOT NULL,
    date_created DATETIME, field_name VARCHAR(100), before_value_string VARCHAR(255), after_value_string VARCHAR(255));
CREATE TABLE calls (id CHAR(36) NOT NULL PRIMARY KEY, assigned_user_id CHAR(36), created_by CHAR(36),
    parent_type VARCHAR(255), parent_id CHAR(36), status VARCHAR(100), date_start DATETIME, duration_hours INT,
    duration_minutes INT, date_modified DATETIME, deleted TINYINT(1) DEFAULT 0);
CREATE TABLE meetings (id CHAR(36) NOT NULL PRIMARY KEY, assigned_user_id CHAR(36), created_by CHAR(36),
    parent_type VARCHAR(100), parent_id CHAR(36), status VARCHAR(100), type VARCHAR(255), join_url VARCHAR(200),
    date_start DATETIME, duration_hours INT, duration_minutes INT, date_modified DATETIME,
    deleted TINYINT(1) DEFAULT 0);
CREATE TABLE emails (id CHAR(36) NOT NULL PRIMARY KEY, assigned_user_id CHAR(36), created_by CHAR(36),
    parent_type VARCHAR(100), parent_id CHAR(36), type VARCHAR(100), status VARCHAR(100),
    date_sent_received DATETIME, date_modified DATETIME, deleted TINYINT(1) DEFAULT 0);

INSERT INTO users VALUES
    ('u1', 'julia', 'Julia', 'Schaefer', 'Active', 'Active', 'Sales', 0, 0, 0, '2026-10-01 08:00:00'),
    ('u2', 'tom', 'Tom', 'Berg', 'Inactive', 'Active', NULL, 0, 0, 0, '2026-10-01 08:00:00');
INSERT INTO email_addresses VALUES ('e1', 'Julia@Example.com', 0);
INSERT INTO email_addr_bean_rel VALUES ('r1', 'e1', 'u1', 'Users', 1, 0);
INSERT INTO accounts VALUES
    ('a1', 'Acme GmbH', 'Technology', '120', 'Germany', '2026-10-05 09:00:00', '2026-10-05 09:00:00', 0),
    ('a2', 'Old AG', NULL, NULL, NULL, '2026-09-01 09:00:00', '2026-09-01 09:00:00', 1);
INSERT INTO leads VALUES
    ('L1', 'Converted', 'Trade Show', 'u1', 'a1', 'o1', '2026-11-02 09:00:00', '2026-11-03 10:00:00', 0),
    ('L2', 'Dead', 'Web Site', 'u1', NULL, NULL, '2026-11-04 08:00:00', '2026-11-05 08:00:00', 0);
INSERT INTO opportunities VALUES
    ('o1', 'Acme rollout', 'Trade Show', 'u1', 'Proposal/Price Quote', 24000, 24000, '2026-12-15',
     '2026-11-03 10:00:00', '2026-11-10 09:00:00', 0),
    ('o2', 'Direct deal', 'Cold Call', 'u2', 'Closed Won', 5000, 5000, '2026-11-20',
     '2026-11-06 09:00:00', '2026-11-12 14:00:00', 0);
INSERT INTO accounts_opportunities VALUES ('ao1', 'o1', 'a1', 0), ('ao2', 'o2', 'a1', 0);
INSERT INTO leads_audit VALUES
    ('la1', 'L1', '2026-11-02 15:00:00', 'status', 'New', 'Assigned'),
    ('la2', 'L1', '2026-11-03 10:00:00', 'status', 'Assigned', 'Converted'),
    ('la3', 'L2', '2026-11-05 08:00:00', 'status', 'New', 'Dead');
INSERT INTO opportunities_audit VALUES
    ('oa1', 'o1', '2026-11-05 10:00:00', 'sales_stage', 'Prospecting', 'Needs Analysis'),
    ('oa2', 'o1', '2026-11-10 09:00:00', 'sales_stage', 'Needs Analysis', 'Proposal/Price Quote'),
    ('oa3', 'o2', '2026-11-12 14:00:00', 'sales_stage', 'Prospecting', 'Closed Won');
INSERT INTO calls VALUES
    ('c1', 'u1', 'u1', 'Leads', 'L1', 'Held', '2026-11-02 13:00:00', 0, 15, '2026-11-02 13:00:00', 0),
    ('c2', 'u1', 'u1', 'Accounts', 'a1', 'Planned', '2026-11-25 13:00:00', 0, 15, '2026-11-01 12:00:00', 0);
INSERT INTO meetings VALUES
    ('m1', 'u1', 'u1', 'Opportunities', 'o1', 'Held', 'Sugar', NULL, '2026-11-05 09:00:00', 1, 0,
     '2026-11-05 09:00:00', 0),
    ('m2', 'u2', 'u2', 'Opportunities', 'o2', 'Held', 'WebEx', NULL, '2026-11-08 10:00:00', 0, 30,
     '2026-11-08 10:00:00', 0);
INSERT INTO emails VALUES
    ('em1', 'u1', 'u1', 'Leads', 'L2', 'out', 'sent', '2026-11-04 09:00:00', '2026-11-04 09:00:00', 0);

package io.kpipeline.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.JdbcTemplate;

/** Inserts the hand-made rows of the sales KPI tests, and of the tests of what the reports read from them. */
public final class PipelineTestRows {

    private final JdbcTemplate jdbc;

    public PipelineTestRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static LocalDateTime at(String text) {
        return LocalDateTime.parse(text.replace(' ', 'T'));
    }

    public void channel(String code, String category) {
        jdbc.update("INSERT INTO channel (code, name, category) VALUES (?, ?, ?)", code, code, category);
    }

    public void rep(String id) {
        jdbc.update("INSERT INTO sales_rep (id, name, active) VALUES (?, ?, TRUE)", id, "Rep " + id);
    }

    void campaign(String id, String channel) {
        jdbc.update("INSERT INTO campaign (id, name, channel_code, start_date) VALUES (?, ?, ?, ?)", id, id, channel,
                LocalDate.of(2026, 1, 1));
    }

    public void account(String id) {
        jdbc.update("INSERT INTO account (id, name, created_at) VALUES (?, ?, ?)", id, id, at("2025-01-01 00:00:00"));
    }

    public void lead(String id, String account, String channel, String campaign, String rep, String createdAt) {
        jdbc.update("INSERT INTO `lead` (id, account_id, channel_code, campaign_id, owner_rep_id, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", id, account, channel, campaign, rep, at(createdAt));
    }

    public void event(String lead, String stage, String occurredAt) {
        jdbc.update("INSERT INTO funnel_event (lead_id, stage, occurred_at) VALUES (?, ?, ?)", lead, stage,
                at(occurredAt));
    }

    void referral(String id, String account, String lead) {
        jdbc.update("INSERT INTO referral (id, referring_account_id, lead_id, created_at) VALUES (?, ?, ?, ?)", id,
                account, lead, at("2026-10-15 12:00:00"));
    }

    void sessions(String date, String channel, String page, int sessions) {
        jdbc.update("INSERT INTO web_traffic_daily (date, channel_code, landing_page, sessions, users, pageviews,"
                + " bounced_sessions, total_session_seconds, downloads, contact_requests)"
                + " VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, 0)", LocalDate.parse(date), channel, page, sessions);
    }

    public void deal(String id, String lead, String account, String rep, String createdAt, String status, String amount,
            Integer contractMonths, String closedAt) {
        String stage = status.equals("OPEN") ? "SQL" : status;
        jdbc.update("INSERT INTO deal (id, lead_id, account_id, owner_rep_id, created_at, stage, status, amount,"
                + " contract_months, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, lead, account, rep,
                at(createdAt), stage, status, new BigDecimal(amount), contractMonths,
                closedAt == null ? null : at(closedAt));
    }

    void expectedClose(String deal, String date) {
        jdbc.update("UPDATE deal SET expected_close_date = ? WHERE id = ?", LocalDate.parse(date), deal);
    }

    public void activity(String id, String rep, String lead, String account, String channel, String type,
            String occurredAt, Integer minutes, String outcome) {
        jdbc.update("INSERT INTO activity (id, rep_id, lead_id, account_id, channel_code, type, occurred_at,"
                + " duration_minutes, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, rep, lead, account, channel,
                type, at(occurredAt), minutes, outcome);
    }

    void subscription(String id, String account, String start, String end) {
        jdbc.update("INSERT INTO subscription (id, account_id, start_date, end_date, mrr) VALUES (?, ?, ?, ?, 100)",
                id, account, LocalDate.parse(start), end == null ? null : LocalDate.parse(end));
    }

    void order(String id, String account, String date, String status) {
        jdbc.update("INSERT INTO customer_order (id, account_id, order_date, amount, status) VALUES (?, ?, ?, 500, ?)",
                id, account, LocalDate.parse(date), status);
    }
}

package io.kpipeline.kpi;

import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The email KPIs: recipients, open, click, click-to-open and unsubscribe rates of marketing emails
 * (per campaign), the bounce rate of all emails (per kind) and the response rate of sales emails
 * (per rep). Every email counts for the period it was sent in, whenever it was opened, clicked,
 * answered or unsubscribed; one pass over the period's {@code email_message} rows serves them all.
 */
@Component
class EmailCalculator implements KpiCalculator {

    static final String RECIPIENTS = "campaign_recipients";
    static final String OPEN_RATE = "email_open_rate";
    static final String CLICK_RATE = "email_click_rate";
    static final String CLICK_TO_OPEN_RATE = "email_click_to_open_rate";
    static final String UNSUBSCRIBE_RATE = "email_unsubscribe_rate";
    static final String BOUNCE_RATE = "email_bounce_rate";
    static final String RESPONSE_RATE = "sales_email_response_rate";

    private static final String NO_DELIVERED_MARKETING = "no delivered marketing emails sent in the period";
    private static final String NO_OPENED_MARKETING = "no opened marketing emails sent in the period";
    private static final String NO_EMAILS = "no emails sent in the period";
    private static final String NO_DELIVERED_SALES = "no delivered sales emails sent in the period";

    // The inner pass reads the period's emails once and counts them per (kind, campaign, rep); the
    // outer query adds those few groups up once for the total and once per breakdown dimension:
    // campaign over marketing emails, kind over all emails, rep over sales emails.
    // Opens, clicks, unsubscribes and replies count on DELIVERED emails only: a bounced email with an
    // opened_at (a tracking artefact) is in no rate but the bounce rate.
    // A click proves an open (tracking pixels are often blocked): a clicked email counts as opened,
    // so open rate, click rate and click-to-open rate describe the same emails and CTOR stays <= 1.
    private static final String EMAILS = """
            SELECT d.dimension,
                   CASE d.dimension WHEN 'campaign' THEN g.campaign WHEN 'kind' THEN g.kind
                                    WHEN 'rep' THEN g.rep END                                    AS dimension_value,
                   SUM(g.sent)                                                                  AS sent,
                   SUM(g.bounced)                                                               AS bounced,
                   SUM(CASE WHEN g.kind IN ('MARKETING', 'NEWSLETTER') THEN g.sent ELSE 0 END)      AS mkt_sent,
                   SUM(CASE WHEN g.kind IN ('MARKETING', 'NEWSLETTER') THEN g.delivered ELSE 0 END) AS mkt_delivered,
                   SUM(CASE WHEN g.kind IN ('MARKETING', 'NEWSLETTER') THEN g.opened ELSE 0 END)    AS mkt_opened,
                   SUM(CASE WHEN g.kind IN ('MARKETING', 'NEWSLETTER') THEN g.clicked ELSE 0 END)   AS mkt_clicked,
                   SUM(CASE WHEN g.kind IN ('MARKETING', 'NEWSLETTER') THEN g.unsubscribed ELSE 0 END)
                                                                                                AS mkt_unsubscribed,
                   SUM(CASE WHEN g.kind = 'SALES' THEN g.delivered ELSE 0 END)                  AS sales_delivered,
                   SUM(CASE WHEN g.kind = 'SALES' THEN g.replied ELSE 0 END)                    AS sales_replied
            FROM (SELECT kind,
                         COALESCE(campaign_id, '(none)') AS campaign,
                         COALESCE(rep_id, '(none)')      AS rep,
                         COUNT(*)                        AS sent,
                         SUM(CASE WHEN status = 'BOUNCED' THEN 1 ELSE 0 END) AS bounced,
                         SUM(CASE WHEN status = 'DELIVERED' THEN 1 ELSE 0 END) AS delivered,
                         SUM(CASE WHEN status = 'DELIVERED'
                                   AND (opened_at IS NOT NULL OR clicked_at IS NOT NULL) THEN 1 ELSE 0 END) AS opened,
                         SUM(CASE WHEN status = 'DELIVERED' AND clicked_at IS NOT NULL THEN 1 ELSE 0 END) AS clicked,
                         SUM(CASE WHEN status = 'DELIVERED' AND unsubscribed_at IS NOT NULL THEN 1 ELSE 0 END)
                                                                                                AS unsubscribed,
                         SUM(CASE WHEN status = 'DELIVERED' AND replied_at IS NOT NULL THEN 1 ELSE 0 END) AS replied
                  FROM email_message
                  WHERE sent_at >= :start AND sent_at < :end
                  GROUP BY kind, COALESCE(campaign_id, '(none)'), COALESCE(rep_id, '(none)')) g
            JOIN (SELECT 'total' AS dimension UNION ALL SELECT 'campaign' UNION ALL SELECT 'kind'
                  UNION ALL SELECT 'rep') d
              ON d.dimension IN ('total', 'kind')
              OR (d.dimension = 'campaign' AND g.kind IN ('MARKETING', 'NEWSLETTER'))
              OR (d.dimension = 'rep' AND g.kind = 'SALES')
            GROUP BY d.dimension, dimension_value""";

    private final NamedParameterJdbcTemplate jdbc;

    EmailCalculator(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> kpiIds() {
        return new LinkedHashSet<>(List.of(RECIPIENTS, OPEN_RATE, CLICK_RATE, CLICK_TO_OPEN_RATE, UNSUBSCRIBE_RATE,
                BOUNCE_RATE, RESPONSE_RATE));
    }

    @Override
    public Set<String> sourceTables() {
        return Set.of("email_message");
    }

    @Override
    public List<KpiValue> compute(ReportingPeriod period) {
        Counts total = Counts.NONE;
        List<KpiValue> breakdown = new ArrayList<>();
        for (Counts row : jdbc.query(EMAILS, Map.of("start", period.startTime(), "end", period.endTime()),
                (rs, n) -> Counts.of(rs))) {
            switch (row.dimension()) {
                case "total" -> total = row;
                case "campaign" -> breakdown.addAll(marketing(row, "campaign", row.value()));
                case "kind" -> breakdown.add(bounceRate(row, "kind", row.value()));
                case "rep" -> breakdown.add(responseRate(row, "rep", row.value()));
                default -> throw new IllegalStateException("unknown dimension " + row.dimension());
            }
        }
        List<KpiValue> values = new ArrayList<>(marketing(total, null, null));
        values.add(bounceRate(total, null, null));
        values.add(responseRate(total, null, null));
        values.addAll(breakdown);
        return values;
    }

    private static List<KpiValue> marketing(Counts c, String dimension, String value) {
        return List.of(
                KpiValue.of(RECIPIENTS, dimension, value, c.marketingSent()),
                KpiValue.countedRatio(OPEN_RATE, dimension, value, c.marketingOpened(), c.marketingDelivered(),
                        NO_DELIVERED_MARKETING),
                KpiValue.countedRatio(CLICK_RATE, dimension, value, c.marketingClicked(), c.marketingDelivered(),
                        NO_DELIVERED_MARKETING),
                KpiValue.countedRatio(CLICK_TO_OPEN_RATE, dimension, value, c.marketingClicked(), c.marketingOpened(),
                        c.marketingDelivered().signum() == 0 ? NO_DELIVERED_MARKETING : NO_OPENED_MARKETING),
                KpiValue.countedRatio(UNSUBSCRIBE_RATE, dimension, value, c.marketingUnsubscribed(), c.marketingDelivered(),
                        NO_DELIVERED_MARKETING));
    }

    private static KpiValue bounceRate(Counts c, String dimension, String value) {
        return KpiValue.countedRatio(BOUNCE_RATE, dimension, value, c.bounced(), c.sent(), NO_EMAILS);
    }

    private static KpiValue responseRate(Counts c, String dimension, String value) {
        return KpiValue.countedRatio(RESPONSE_RATE, dimension, value, c.salesReplied(), c.salesDelivered(),
                NO_DELIVERED_SALES);
    }

    /** The counts of one breakdown value ({@code dimension} "total" for all emails of the period). */
    private record Counts(String dimension, String value, BigDecimal sent, BigDecimal bounced,
            BigDecimal marketingSent, BigDecimal marketingDelivered, BigDecimal marketingOpened,
            BigDecimal marketingClicked, BigDecimal marketingUnsubscribed, BigDecimal salesDelivered,
            BigDecimal salesReplied) {

        static final Counts NONE = new Counts("total", null, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        static Counts of(ResultSet rs) throws SQLException {
            return new Counts(rs.getString("dimension"), rs.getString("dimension_value"), rs.getBigDecimal("sent"),
                    rs.getBigDecimal("bounced"), rs.getBigDecimal("mkt_sent"), rs.getBigDecimal("mkt_delivered"),
                    rs.getBigDecimal("mkt_opened"), rs.getBigDecimal("mkt_clicked"),
                    rs.getBigDecimal("mkt_unsubscribed"), rs.getBigDecimal("sales_delivered"),
                    rs.getBigDecimal("sales_replied"));
        }
    }
}

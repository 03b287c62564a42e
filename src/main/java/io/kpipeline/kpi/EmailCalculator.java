package io.kpipeline.kpi;

import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The email KPIs: recipients, open, click, click-to-open and unsubscribe rates of marketing emails
 * (per campaign), the bounce rate of all emails (per kind) and the response rate of sales emails
 * (per rep). Every email counts for the period it was sent in, whenever it was opened, clicked,
 * answered or unsubscribed. They add up the period's days of {@link EmailDays}, which counts each day's emails
 * once for every report that covers it.
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

    /**
     * The emails sent in one or more periods, counted per (period, kind, campaign, rep) from the counts per day:
     * {@code %1$s} the period of a day (its index), {@code %2$s} the periods' ranges of days. Those few groups are
     * added up in Java, once for the total and once per breakdown dimension: campaign over marketing emails, kind
     * over all emails, rep over sales emails. Opens, clicks, unsubscribes and replies count on DELIVERED emails
     * only: a bounced email with an opened_at (a tracking artefact) is in no rate but the bounce rate. A click
     * proves an open (tracking pixels are often blocked): a clicked email counts as opened, so open rate, click
     * rate and click-to-open rate describe the same emails and CTOR stays <= 1.
     */
    private static final String EMAILS = """
            SELECT %1$s                            AS period_index,
                   kind,
                   campaign_id                     AS campaign,
                   rep_id                          AS rep,
                   SUM(emails)                     AS sent,
                   SUM(CASE WHEN status = 'BOUNCED' THEN emails ELSE 0 END) AS bounced,
                   SUM(CASE WHEN status = 'DELIVERED' THEN emails ELSE 0 END) AS delivered,
                   SUM(CASE WHEN status = 'DELIVERED' THEN opened_or_clicked ELSE 0 END) AS opened,
                   SUM(CASE WHEN status = 'DELIVERED' THEN clicked ELSE 0 END) AS clicked,
                   SUM(CASE WHEN status = 'DELIVERED' THEN unsubscribed ELSE 0 END) AS unsubscribed,
                   SUM(CASE WHEN status = 'DELIVERED' THEN replied ELSE 0 END) AS replied
            FROM email_day
            WHERE %2$s
            GROUP BY period_index, kind, campaign_id, rep_id""";

    private static final Set<String> MARKETING_KINDS = Set.of("MARKETING", "NEWSLETTER");
    private static final String SALES = "SALES";
    /** The breakdown value of emails without a campaign or a rep. */
    private static final String NONE = "(none)";

    private final NamedParameterJdbcTemplate jdbc;
    private final EmailDays days;

    EmailCalculator(NamedParameterJdbcTemplate jdbc, EmailDays days) {
        this.jdbc = jdbc;
        this.days = days;
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
        return computeAll(List.of(period)).get(period);
    }

    /**
     * Brings the counts of the periods' days up to date once, then adds them up: periods that do not overlap (a
     * report's trend, the same period a year earlier) in one query, each day counted for the period it lies in;
     * overlapping periods (the 30-day review's checkpoints) one by one.
     */
    @Override
    public Map<ReportingPeriod, List<KpiValue>> computeAll(List<ReportingPeriod> periods) {
        return days.afterCounting(periods, () -> addUp(periods));
    }

    private Map<ReportingPeriod, List<KpiValue>> addUp(List<ReportingPeriod> periods) {
        List<ReportingPeriod> sorted = periods.stream().sorted(Comparator.comparing(ReportingPeriod::start)).toList();
        boolean overlapping = IntStream.range(1, sorted.size())
                .anyMatch(i -> sorted.get(i).start().isBefore(sorted.get(i - 1).end()));
        Map<ReportingPeriod, List<KpiValue>> values = new LinkedHashMap<>();
        if (overlapping) {
            periods.forEach(p -> values.put(p, values(read(List.of(p)).getOrDefault(0, List.of()))));
            return values;
        }
        Map<Integer, List<Group>> groups = read(sorted);
        for (ReportingPeriod p : periods) {
            values.put(p, values(groups.getOrDefault(sorted.indexOf(p), List.of())));
        }
        return values;
    }

    /** The groups of each of the periods that do not overlap, by the period's index in {@code periods}. */
    private Map<Integer, List<Group>> read(List<ReportingPeriod> periods) {
        // the period of each day: a CASE over the periods' bounds, all bound as parameters
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder period = new StringBuilder("CASE");
        List<String> ranges = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            params.addValue("start" + i, periods.get(i).start()).addValue("end" + i, periods.get(i).end());
            String range = "day >= :start" + i + " AND day < :end" + i;
            period.append(" WHEN ").append(range).append(" THEN ").append(i);
            ranges.add("(" + range + ")");
        }
        period.append(" END");
        Map<Integer, List<Group>> groups = new HashMap<>();
        jdbc.query(EMAILS.formatted(period, String.join(" OR ", ranges)), params,
                rs -> {
                    groups.computeIfAbsent(rs.getInt("period_index"), i -> new ArrayList<>()).add(Group.of(rs));
                });
        return groups;
    }

    @Override
    public boolean readsPeriodsTogether() {
        return true;
    }

    /** The KPI values of one period from its (kind, campaign, rep) groups. */
    private static List<KpiValue> values(List<Group> groups) {
        Counts total = Counts.NONE;
        Map<String, Counts> campaigns = new TreeMap<>();
        Map<String, Counts> kinds = new TreeMap<>();
        Map<String, Counts> reps = new TreeMap<>();
        for (Group group : groups) {
            Counts counts = group.counts();
            total = total.plus(counts);
            kinds.merge(group.kind(), counts, Counts::plus);
            if (MARKETING_KINDS.contains(group.kind())) {
                campaigns.merge(group.campaign(), counts, Counts::plus);
            }
            if (SALES.equals(group.kind())) {
                reps.merge(group.rep(), counts, Counts::plus);
            }
        }
        List<KpiValue> values = new ArrayList<>(marketing(total, null, null));
        values.add(bounceRate(total, null, null));
        values.add(responseRate(total, null, null));
        campaigns.forEach((campaign, c) -> values.addAll(marketing(c, "campaign", campaign)));
        kinds.forEach((kind, c) -> values.add(bounceRate(c, "kind", kind)));
        reps.forEach((rep, c) -> values.add(responseRate(c, "rep", rep)));
        return values;
    }

    private static List<KpiValue> marketing(Counts c, String dimension, String value) {
        BigDecimal delivered = BigDecimal.valueOf(c.marketingDelivered());
        BigDecimal opened = BigDecimal.valueOf(c.marketingOpened());
        BigDecimal clicked = BigDecimal.valueOf(c.marketingClicked());
        return List.of(
                KpiValue.of(RECIPIENTS, dimension, value, BigDecimal.valueOf(c.marketingSent())),
                KpiValue.countedRatio(OPEN_RATE, dimension, value, opened, delivered, NO_DELIVERED_MARKETING),
                KpiValue.countedRatio(CLICK_RATE, dimension, value, clicked, delivered, NO_DELIVERED_MARKETING),
                KpiValue.countedRatio(CLICK_TO_OPEN_RATE, dimension, value, clicked, opened,
                        c.marketingDelivered() == 0 ? NO_DELIVERED_MARKETING : NO_OPENED_MARKETING),
                KpiValue.countedRatio(UNSUBSCRIBE_RATE, dimension, value,
                        BigDecimal.valueOf(c.marketingUnsubscribed()), delivered, NO_DELIVERED_MARKETING));
    }

    private static KpiValue bounceRate(Counts c, String dimension, String value) {
        return KpiValue.countedRatio(BOUNCE_RATE, dimension, value, BigDecimal.valueOf(c.bounced()),
                BigDecimal.valueOf(c.sent()), NO_EMAILS);
    }

    private static KpiValue responseRate(Counts c, String dimension, String value) {
        return KpiValue.countedRatio(RESPONSE_RATE, dimension, value, BigDecimal.valueOf(c.salesReplied()),
                BigDecimal.valueOf(c.salesDelivered()), NO_DELIVERED_SALES);
    }

    /** The emails of one (kind, campaign, rep) sent in the period, campaign and rep "(none)" where not set. */
    private record Group(String kind, String campaign, String rep, Counts counts) {

        static Group of(ResultSet rs) throws SQLException {
            String kind = rs.getString("kind");
            boolean marketing = MARKETING_KINDS.contains(kind);
            boolean sales = SALES.equals(kind);
            long sent = rs.getLong("sent");
            long delivered = rs.getLong("delivered");
            // counted and added up by the plain columns (NULL is one group): grouping the emails by COALESCE(...)
            // made the server build a temporary table and took twice as long as reading the rows
            return new Group(kind, Objects.requireNonNullElse(rs.getString("campaign"), NONE),
                    Objects.requireNonNullElse(rs.getString("rep"), NONE), new Counts(sent,
                    rs.getLong("bounced"), marketing ? sent : 0, marketing ? delivered : 0,
                    marketing ? rs.getLong("opened") : 0, marketing ? rs.getLong("clicked") : 0,
                    marketing ? rs.getLong("unsubscribed") : 0, sales ? delivered : 0,
                    sales ? rs.getLong("replied") : 0));
        }
    }

    /** The counts of the total or of one breakdown value. */
    private record Counts(long sent, long bounced, long marketingSent, long marketingDelivered, long marketingOpened,
            long marketingClicked, long marketingUnsubscribed, long salesDelivered, long salesReplied) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0);

        Counts plus(Counts o) {
            return new Counts(sent + o.sent, bounced + o.bounced, marketingSent + o.marketingSent,
                    marketingDelivered + o.marketingDelivered, marketingOpened + o.marketingOpened,
                    marketingClicked + o.marketingClicked, marketingUnsubscribed + o.marketingUnsubscribed,
                    salesDelivered + o.salesDelivered, salesReplied + o.salesReplied);
        }
    }
}

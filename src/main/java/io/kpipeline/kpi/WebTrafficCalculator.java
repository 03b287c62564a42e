package io.kpipeline.kpi;

import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The web analytics KPIs: sessions, visitors, bounce rate, average session length, pages per
 * session, downloads and contact requests, in total and per traffic channel, from one pass over
 * the period's {@code web_traffic_daily} rows.
 */
@Component
class WebTrafficCalculator implements KpiCalculator {

    static final String SESSIONS = "web_sessions";
    static final String VISITORS = "web_visitors";
    static final String BOUNCE_RATE = "web_bounce_rate";
    static final String AVG_SESSION_SECONDS = "web_avg_session_seconds";
    static final String PAGES_PER_SESSION = "web_pages_per_session";
    static final String DOWNLOADS = "downloads";
    static final String CONTACT_REQUESTS = "contact_requests";

    private static final String CHANNEL = "channel";
    private static final String NO_SESSIONS = "no sessions in the period";

    // channel_code is NOT NULL, so the one row with a NULL channel is the ROLLUP total.
    // users are summed as visitor-days: the export holds no distinct visitors across days.
    private static final String TRAFFIC = """
            SELECT channel_code,
                   COALESCE(SUM(sessions), 0)              AS sessions,
                   COALESCE(SUM(users), 0)                 AS visitors,
                   COALESCE(SUM(pageviews), 0)             AS pageviews,
                   COALESCE(SUM(bounced_sessions), 0)      AS bounced,
                   COALESCE(SUM(total_session_seconds), 0) AS seconds,
                   COALESCE(SUM(downloads), 0)             AS downloads,
                   COALESCE(SUM(contact_requests), 0)      AS contact_requests
            FROM web_traffic_daily
            WHERE date >= :start AND date < :end
            GROUP BY channel_code WITH ROLLUP""";

    private final NamedParameterJdbcTemplate jdbc;

    WebTrafficCalculator(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> kpiIds() {
        return new LinkedHashSet<>(List.of(SESSIONS, VISITORS, BOUNCE_RATE, AVG_SESSION_SECONDS, PAGES_PER_SESSION,
                DOWNLOADS, CONTACT_REQUESTS));
    }

    @Override
    public Set<String> sourceTables() {
        return Set.of("web_traffic_daily");
    }

    @Override
    public List<KpiValue> compute(ReportingPeriod period) {
        Traffic total = Traffic.NONE;
        List<Traffic> channels = new ArrayList<>();
        for (Traffic row : jdbc.query(TRAFFIC, Map.of("start", period.start(), "end", period.end()),
                (rs, n) -> new Traffic(rs.getString("channel_code"), rs.getBigDecimal("sessions"),
                        rs.getBigDecimal("visitors"), rs.getBigDecimal("pageviews"), rs.getBigDecimal("bounced"),
                        rs.getBigDecimal("seconds"), rs.getBigDecimal("downloads"),
                        rs.getBigDecimal("contact_requests")))) {
            if (row.channel() == null) {
                total = row;
            } else {
                channels.add(row);
            }
        }
        List<KpiValue> values = new ArrayList<>(values(total, null, null));
        for (Traffic channel : channels) {
            values.addAll(values(channel, CHANNEL, channel.channel()));
        }
        return values;
    }

    private static List<KpiValue> values(Traffic t, String dimension, String value) {
        return List.of(
                KpiValue.of(SESSIONS, dimension, value, t.sessions()),
                KpiValue.of(VISITORS, dimension, value, t.visitors()),
                KpiValue.countedRatio(BOUNCE_RATE, dimension, value, t.bounced(), t.sessions(), NO_SESSIONS),
                KpiValue.ratio(AVG_SESSION_SECONDS, dimension, value, t.seconds(), t.sessions(), NO_SESSIONS),
                KpiValue.ratio(PAGES_PER_SESSION, dimension, value, t.pageviews(), t.sessions(), NO_SESSIONS),
                KpiValue.of(DOWNLOADS, dimension, value, t.downloads()),
                KpiValue.of(CONTACT_REQUESTS, dimension, value, t.contactRequests()));
    }

    /** The sums of one channel, or of all channels when {@code channel} is null. */
    private record Traffic(String channel, BigDecimal sessions, BigDecimal visitors, BigDecimal pageviews,
            BigDecimal bounced, BigDecimal seconds, BigDecimal downloads, BigDecimal contactRequests) {

        static final Traffic NONE = new Traffic(null, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }
}

package io.kpipeline.generate;

import java.time.LocalDate;
import java.util.List;

/**
 * The web analytics export (one row per day, online channel and landing page) and the daily
 * figures of the company's social networks, both with the weekly and seasonal rhythm of the
 * leads. Traffic scales with the number of leads so that about 1–2 % of visits become a lead.
 */
final class WebGenerator {

    /** A landing page: share of traffic, pages per visit, bounce rate, downloads and contact requests per visit. */
    private record Page(String path, double share, double depth, double bounce, double download, double contact) {
    }

    private static final List<Page> PAGES = List.of(
            new Page("/", 0.24, 2.8, 0.38, 0.004, 0.006),
            new Page("/produkte/erp-cloud", 0.12, 3.1, 0.33, 0.02, 0.012),
            new Page("/produkte/crm", 0.09, 3.0, 0.35, 0.02, 0.010),
            new Page("/loesungen/mittelstand", 0.07, 2.6, 0.42, 0.01, 0.008),
            new Page("/preise", 0.07, 2.2, 0.30, 0.005, 0.03),
            new Page("/blog", 0.15, 1.6, 0.62, 0.01, 0.002),
            new Page("/whitepaper/digitalisierung", 0.06, 1.9, 0.45, 0.14, 0.004),
            new Page("/webinare", 0.05, 2.1, 0.40, 0.03, 0.006),
            new Page("/kontakt", 0.05, 1.7, 0.25, 0.0, 0.16),
            new Page("/karriere", 0.04, 2.3, 0.50, 0.0, 0.0),
            new Page("/referenzen", 0.04, 2.5, 0.36, 0.03, 0.01),
            new Page("/support", 0.02, 2.0, 0.30, 0.05, 0.02));
    /** Online channels and their share of sessions. */
    private static final List<String> CHANNELS = List.of("WEBSITE", "PAID_SEARCH", "LINKEDIN", "XING", "SOCIAL",
            "EMAIL", "NEWSLETTER");
    private static final double[] CHANNEL_SHARE = {0.40, 0.20, 0.10, 0.05, 0.08, 0.07, 0.10};
    private static final String[] NETWORKS = {"LINKEDIN", "XING", "INSTAGRAM"};

    private final Out out;
    private final Rng rng;
    private final double sessionsPerDay;
    private final long[] followers;

    WebGenerator(Out out, Rng rng, double leadsPerDay) {
        this.out = out;
        this.rng = rng;
        this.sessionsPerDay = leadsPerDay * 70;
        double scale = Math.max(0.2, leadsPerDay / 8.4);
        this.followers = new long[] {Math.round(3200 * scale), Math.round(1400 * scale), Math.round(800 * scale)};
    }

    void day(LocalDate d, boolean newsletterDay) {
        double activity = BusinessCalendar.activity(d);
        double dayFactor = (BusinessCalendar.weekend(d) ? 0.45 : 1) * (0.5 + 0.5 * activity) * rng.uniform(0.85, 1.15);
        for (int c = 0; c < CHANNELS.size(); c++) {
            double channelSessions = sessionsPerDay * CHANNEL_SHARE[c] * dayFactor;
            if (newsletterDay && CHANNELS.get(c).equals("NEWSLETTER")) {
                channelSessions *= 5;
            }
            for (Page p : PAGES) {
                page(d, CHANNELS.get(c), p, rng.poisson(channelSessions * p.share()));
            }
        }
        social(d);
    }

    private void page(LocalDate d, String channel, Page p, int sessions) {
        int users = Math.min(sessions, rng.round(sessions * rng.uniform(0.82, 0.96)));
        int pageviews = sessions + rng.round(sessions * (p.depth() - 1) * rng.uniform(0.8, 1.2));
        int bounced = Math.min(sessions, rng.round(sessions * p.bounce() * rng.uniform(0.85, 1.15)));
        long seconds = Math.round(sessions * (1 - p.bounce()) * rng.uniform(120, 260));
        int downloads = rng.poisson(sessions * p.download());
        int contacts = rng.poisson(sessions * p.contact() * (channel.equals("PAID_SEARCH") ? 1.4 : 1));
        out.row(Tables.WEB_TRAFFIC_DAILY, d, channel, p.path(), sessions, users, pageviews, bounced, seconds,
                downloads, contacts);
    }

    private void social(LocalDate d) {
        boolean weekend = BusinessCalendar.weekend(d);
        for (int n = 0; n < NETWORKS.length; n++) {
            double size = followers[n];
            int posts = weekend ? (rng.chance(0.1) ? 1 : 0) : rng.poisson(n == 0 ? 0.9 : 0.5);
            followers[n] += rng.poisson(size * 0.0009 * (1 + posts)) - rng.poisson(size * 0.0002);
            int likes = rng.poisson(size * 0.002 + posts * size * 0.012);
            int clicks = rng.poisson(size * 0.0008 + posts * size * 0.006);
            out.row(Tables.SOCIAL_DAILY, d, NETWORKS[n], (int) followers[n], likes, posts, clicks);
        }
    }
}

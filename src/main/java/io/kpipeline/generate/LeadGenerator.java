package io.kpipeline.generate;

import io.kpipeline.generate.AccountPool.Account;
import io.kpipeline.generate.Catalog.Campaign;
import io.kpipeline.generate.Catalog.Channel;
import io.kpipeline.generate.Catalog.Rep;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;

/**
 * The leads, day by day: how many come in follows the business rhythm, which channel they come
 * from follows the marketing mix (fairs and events bring bursts while they run), and each lead's
 * whole story (funnel, deal, activities, e-mails, revenue) is written before the next lead, so
 * nothing per lead stays in memory.
 */
final class LeadGenerator {

    /** Base weights of the source channels, in {@link Catalog#CHANNELS} order. */
    private static final double[] CHANNEL_WEIGHTS = {7, 9, 9, 4, 20, 14, 5, 0, 6, 5, 0};

    private final Out out;
    private final BusinessCalendar calendar;
    private final Catalog catalog;
    private final AccountPool accounts;
    private final CustomerBase customers;
    private final FunnelGenerator funnel;
    private final ActivityGenerator activities;
    private final EmailGenerator emails;
    private final RevenueGenerator revenue;
    private final Rng rng;
    private final int[] perDay;
    private int referralsThisWeek;

    LeadGenerator(Out out, BusinessCalendar calendar, Catalog catalog, AccountPool accounts, CustomerBase customers,
            ActivityGenerator activities, EmailGenerator emails, RevenueGenerator revenue, Rng rng, int leads) {
        this.out = out;
        this.calendar = calendar;
        this.catalog = catalog;
        this.accounts = accounts;
        this.customers = customers;
        this.funnel = new FunnelGenerator(out, calendar, catalog);
        this.activities = activities;
        this.emails = emails;
        this.revenue = revenue;
        this.rng = rng;
        this.perDay = spread(calendar, leads, rng);
    }

    /** Exactly {@code leads} leads over the days, in proportion to the (noisy) business activity. */
    private static int[] spread(BusinessCalendar calendar, int leads, Rng rng) {
        int days = (int) (calendar.to.toEpochDay() - calendar.from.toEpochDay() + 1);
        double[] weight = new double[days];
        double total = 0;
        for (int i = 0; i < days; i++) {
            weight[i] = BusinessCalendar.activity(calendar.from.plusDays(i)) * rng.uniform(0.7, 1.3);
            total += weight[i];
        }
        int[] result = new int[days];
        double cumulative = 0;
        long assigned = 0;
        for (int i = 0; i < days; i++) {
            cumulative += weight[i];
            long target = Math.round(leads * cumulative / total);
            result[i] = (int) (target - assigned);
            assigned = target;
        }
        return result;
    }

    void day(LocalDate d, int dayIndex) {
        if (d.getDayOfWeek() == DayOfWeek.MONDAY) {
            referralsThisWeek = 0;
        }
        int count = perDay[dayIndex];
        LocalDateTime[] times = new LocalDateTime[count];
        boolean weekend = BusinessCalendar.weekend(d);
        for (int i = 0; i < count; i++) {
            int second = weekend || rng.chance(0.12) ? rng.between(6 * 3600, 23 * 3600)
                    : rng.between(7 * 3600, 19 * 3600);
            times[i] = d.atStartOfDay().plusSeconds(second);
        }
        Arrays.sort(times);
        double[] weights = channelWeights(d, weekend);
        for (int i = 0; i < count; i++) {
            boolean forceReferral = i == 0 && referralsThisWeek == 0
                    && d.getDayOfWeek().compareTo(DayOfWeek.FRIDAY) >= 0;
            Channel channel = forceReferral ? Catalog.channel("REFERRAL") : Catalog.CHANNELS.get(rng.weighted(weights));
            create(times[i], channel, rng.split());
        }
    }

    private double[] channelWeights(LocalDate d, boolean weekend) {
        double[] weights = CHANNEL_WEIGHTS.clone();
        if (weekend) {
            weights[1] = 0;
        }
        for (Campaign c : catalog.campaigns) {
            if (c.channel().equals("TRADE_FAIR") && c.attracts(d, 7)) {
                weights[7] += c.runsOn(d) ? 160 : 25;
            } else if (c.channel().equals("EVENT") && c.attracts(d, 5)) {
                weights[10] += c.runsOn(d) ? 150 : 20;
            }
        }
        return weights;
    }

    private void create(LocalDateTime created, Channel channel, Rng r) {
        boolean anonymous = switch (channel.code()) {
            case "WEBSITE", "NEWSLETTER", "SOCIAL" -> r.chance(0.12);
            default -> false;
        };
        Account account = anonymous ? null : accounts.forLead(created, 0.3, r);
        Rep owner = catalog.owner(account == null ? null : account.segment(), created.toLocalDate(), r);
        Campaign campaign = campaign(channel, created.toLocalDate(), r);
        Lead lead = new Lead(out.nextId(Tables.LEAD, "LEAD-", 7), account, channel, campaign, owner, created);
        out.row(Tables.LEAD, lead.id(), account == null ? null : account.id(), channel.code(),
                campaign == null ? null : campaign.id(), owner.id(), created);
        if (channel.code().equals("REFERRAL")) {
            out.row(Tables.REFERRAL, out.nextId(Tables.REFERRAL, "REF-", 6), customers.referrer(created.toLocalDate(), r),
                    lead.id(), created);
            referralsThisWeek++;
        }
        Journey journey = funnel.run(lead, r);
        activities.forLead(journey, r);
        emails.forLead(journey, r);
        if (journey.won()) {
            revenue.wonDeal(journey, r);
        }
    }

    /** The campaign a lead responded to: one of its channel's campaigns running at the time, mostly. */
    private Campaign campaign(Channel channel, LocalDate d, Rng r) {
        boolean offline = channel.code().equals("TRADE_FAIR") || channel.code().equals("EVENT");
        Campaign found = null;
        for (Campaign c : catalog.campaigns) {
            if (c.channel().equals(channel.code()) && c.attracts(d, offline ? 7 : 14)
                    && (found == null || c.start().isAfter(found.start()))) {
                found = c;
            }
        }
        return found != null && (offline || r.chance(0.85)) ? found : null;
    }
}

package io.kpipeline.generate;

import io.kpipeline.generate.Catalog.Campaign;
import io.kpipeline.generate.Catalog.Rep;
import io.kpipeline.generate.Journey.Stage;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * E-mails, one row per recipient: the monthly newsletter, the nurturing sequence after a lead
 * comes in, the waves of e-mail campaigns, and 1:1 sales e-mails. About a quarter of delivered
 * marketing e-mails are opened, 2–3 % clicked, 1 % bounce and 0.2 % lead to an unsubscribe,
 * after which the lead gets no more marketing e-mail.
 */
final class EmailGenerator {

    private static final int[] NURTURE_DAYS = {1, 4, 9, 16, 25, 40};

    /** One scheduled marketing send. */
    record Send(LocalDateTime at, String campaignId, String kind) {
    }

    private final Out out;
    private final BusinessCalendar calendar;
    private final String newsletterCampaign;
    private final String nurtureCampaign;
    private final List<Send> newsletters = new ArrayList<>();
    private final List<Send> waves = new ArrayList<>();

    EmailGenerator(Out out, BusinessCalendar calendar, Catalog catalog, Rng rng) {
        this.out = out;
        this.calendar = calendar;
        this.newsletterCampaign = catalog.campaigns.get(0).id();
        this.nurtureCampaign = catalog.campaigns.get(1).id();
        for (LocalDate month = calendar.from.withDayOfMonth(1); !month.isAfter(calendar.to);
                month = month.plusMonths(1)) {
            LocalDateTime at = month.with(TemporalAdjusters.firstInMonth(DayOfWeek.TUESDAY)).atTime(9, 0);
            if (calendar.inPeriod(at)) {
                newsletters.add(new Send(at, newsletterCampaign, "NEWSLETTER"));
            }
        }
        for (Campaign c : catalog.campaigns) {
            if (c.channel().equals("EMAIL") && !c.id().equals(nurtureCampaign)) {
                LocalDate last = c.end() == null ? calendar.to : c.end();
                int every = c.end() == null ? 14 : 7;
                for (LocalDate d = c.start(); !d.isAfter(last); d = d.plusDays(every)) {
                    LocalDateTime at = BusinessCalendar.nextWorkday(d).atTime(LocalTime.of(rng.between(8, 15), 0));
                    if (calendar.inPeriod(at)) {
                        waves.add(new Send(at, c.id(), "MARKETING"));
                    }
                }
            }
        }
    }

    /** The marketing e-mails one lead receives, in the order they are sent. */
    void forLead(Journey journey, Rng rng) {
        Lead lead = journey.lead;
        List<Send> sends = new ArrayList<>();
        LocalDateTime salesTakesOver = journey.at(Stage.SQL);
        for (int day : NURTURE_DAYS) {
            LocalDateTime at = BusinessCalendar.nextWorkday(lead.createdAt().toLocalDate().plusDays(day))
                    .atTime(10, 0).plusSeconds(rng.between(0, 1800));
            if (salesTakesOver == null || at.isBefore(salesTakesOver)) {
                sends.add(new Send(at, nurtureCampaign, "MARKETING"));
            }
        }
        if (rng.chance(0.7)) {
            for (Send s : newsletters) {
                if (s.at().isAfter(lead.createdAt())) {
                    sends.add(new Send(s.at().plusSeconds(rng.between(0, 1800)), s.campaignId(), s.kind()));
                }
            }
        }
        double targeted = rng.uniform(0.3, 0.8);
        for (Send s : waves) {
            if (s.at().isAfter(lead.createdAt()) && rng.chance(targeted)) {
                sends.add(new Send(s.at().plusSeconds(rng.between(0, 1800)), s.campaignId(), s.kind()));
            }
        }
        sends.sort(Comparator.comparing(Send::at));
        for (Send s : sends) {
            if (s.at().isAfter(calendar.end) || !marketing(lead.id(), s, rng)) {
                return;
            }
        }
    }

    /** Writes one marketing e-mail; false when the recipient is lost (unsubscribed or hard bounce). */
    boolean marketing(String leadId, Send send, Rng rng) {
        String id = out.nextId(Tables.EMAIL_MESSAGE, "EM-", 9);
        if (rng.chance(0.01)) {
            out.row(Tables.EMAIL_MESSAGE, id, send.campaignId(), leadId, null, send.kind(), send.at(), "BOUNCED",
                    null, null, null, null);
            return rng.chance(0.4);
        }
        LocalDateTime opened = null;
        LocalDateTime clicked = null;
        LocalDateTime unsubscribed = null;
        if (rng.chance(send.kind().equals("NEWSLETTER") ? 0.25 : 0.21)) {
            opened = calendar.orNull(send.at().plusSeconds(30 + (long) rng.exponential(8 * 3600)));
            if (opened != null && rng.chance(0.115)) {
                clicked = calendar.orNull(opened.plusSeconds(5 + (long) rng.exponential(900)));
            }
        }
        if (rng.chance(0.002)) {
            LocalDateTime base = opened != null ? opened : send.at();
            unsubscribed = calendar.orNull(base.plusSeconds(20 + (long) rng.exponential(600)));
        }
        out.row(Tables.EMAIL_MESSAGE, id, send.campaignId(), leadId, null, send.kind(), send.at(), "DELIVERED",
                opened, clicked, null, unsubscribed);
        return unsubscribed == null;
    }

    /** Writes a 1:1 sales e-mail sent at {@code at}; true when it is replied to within the period. */
    boolean sales(String leadId, Rep rep, LocalDateTime at, double reply, Rng rng) {
        String id = out.nextId(Tables.EMAIL_MESSAGE, "EM-", 9);
        if (rng.chance(0.01)) {
            out.row(Tables.EMAIL_MESSAGE, id, null, leadId, rep.id(), "SALES", at, "BOUNCED", null, null, null, null);
            return false;
        }
        LocalDateTime replied = rng.chance(reply)
                ? calendar.orNull(at.plusSeconds(300 + (long) rng.exponential(10 * 3600)))
                : null;
        LocalDateTime opened = replied != null || rng.chance(0.45)
                ? calendar.orNull(at.plusSeconds(20 + (long) rng.exponential(2 * 3600)))
                : null;
        if (replied != null && (opened == null || opened.isAfter(replied))) {
            opened = replied.minusSeconds(60);
        }
        out.row(Tables.EMAIL_MESSAGE, id, null, leadId, rep.id(), "SALES", at, "DELIVERED", opened, null, replied,
                null);
        return replied != null;
    }

    /** Send times of the monthly newsletter, for recipients other than leads. */
    List<Send> newsletters() {
        return newsletters;
    }
}

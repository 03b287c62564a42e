package io.kpipeline.generate;

import io.kpipeline.generate.Catalog.Rep;
import io.kpipeline.generate.Journey.Stage;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * The sales reps' work on a lead: desk research before contacts (with a duration, without an
 * outcome), a first response within hours, follow-ups, meetings at the meeting stages and offer
 * and contract e-mails. Every contact by e-mail is also a 1:1 sales e-mail.
 */
final class ActivityGenerator {

    private static final String[] FOLLOW_UPS = {"CALL", "CALL", "EMAIL", "SOCIAL_MESSAGE", "CHAT"};
    private static final String[] MEETINGS = {"MEETING", "VIDEO_CALL", "VIDEO_CALL", "VISIT"};

    private final Out out;
    private final BusinessCalendar calendar;
    private final Catalog catalog;
    private final EmailGenerator emails;

    ActivityGenerator(Out out, BusinessCalendar calendar, Catalog catalog, EmailGenerator emails) {
        this.out = out;
        this.calendar = calendar;
        this.catalog = catalog;
        this.emails = emails;
    }

    void forLead(Journey journey, Rng rng) {
        Lead lead = journey.lead;
        boolean outbound = lead.channel().code().equals("PHONE");
        LocalDateTime first = outbound ? lead.createdAt()
                : BusinessCalendar.workTimeAfter(lead.createdAt(), 0, rng.chance(0.7) ? 0 : 2, rng);
        if (outbound || rng.chance(0.5)) {
            LocalDateTime research = first.minusMinutes(rng.between(10, 60));
            research(journey, research.isBefore(calendar.start) ? calendar.start : research, 10, 45, rng);
        }
        boolean qualified = journey.reached(Stage.MQL);
        String firstType = outbound || rng.chance(0.6) ? "CALL" : "EMAIL";
        contact(journey, firstType, first, qualified ? 0.75 : 0.2, qualified ? 0.12 : 0.03, 3, 15, rng);
        LocalDateTime t = first;
        if (!qualified) {
            for (int i = rng.between(0, 3); i > 0; i--) {
                t = BusinessCalendar.workTimeAfter(t, 2, 7, rng);
                contact(journey, FOLLOW_UPS[rng.between(0, FOLLOW_UPS.length - 1)], t, 0.12, 0.04, 2, 10, rng);
            }
        }
        LocalDateTime previous = first;
        for (Map.Entry<Stage, LocalDateTime> e : journey.stages().entrySet()) {
            stageWork(journey, e.getKey(), previous, e.getValue(), rng);
            previous = e.getValue();
        }
    }

    private void stageWork(Journey journey, Stage stage, LocalDateTime previous, LocalDateTime at, Rng rng) {
        if (stage.ordinal() >= Stage.SQL.ordinal() && stage != Stage.DISQUALIFIED && rng.chance(0.5)
                && at.isAfter(previous.plusHours(4))) {
            LocalDateTime chase = previous.plusSeconds(rng.between(3600, (int) Math.min(Integer.MAX_VALUE - 1,
                    java.time.Duration.between(previous, at).getSeconds() - 1)));
            contact(journey, rng.chance(0.6) ? "CALL" : "EMAIL", chase, 0, 0.03, 2, 8, rng);
        }
        switch (stage) {
            case MQL, DISQUALIFIED -> {
            }
            case SAL -> contact(journey, "CALL", at, 1, 0, 10, 30, rng);
            case SQL -> contact(journey, rng.chance(0.6) ? "VIDEO_CALL" : "CALL", at, 1, 0, 20, 45, rng);
            case FIRST_MEETING, SECOND_MEETING -> {
                research(journey, at.minusMinutes(rng.between(60, 240)), 30, 90, rng);
                contact(journey, MEETINGS[rng.between(0, MEETINGS.length - 1)], at, 1, 0, 45, 120, rng);
            }
            case OFFER, CONTRACT_SENT -> {
                contact(journey, "EMAIL", at, 1, 0.35, 5, 20, rng);
                LocalDateTime call = BusinessCalendar.workTimeAfter(at, 2, 5, rng);
                contact(journey, "CALL", call, 0.6, 0, 5, 25, rng);
            }
            case WON, LOST -> contact(journey, "CALL", at, 1, 0, 10, 30, rng);
        }
    }

    private void research(Journey journey, LocalDateTime at, int minMinutes, int maxMinutes, Rng rng) {
        if (at.isAfter(calendar.end)) {
            return;
        }
        Lead lead = journey.lead;
        String channel = rng.chance(0.5) ? "WEBSITE" : rng.chance(0.7) ? "LINKEDIN" : "XING";
        out.row(Tables.ACTIVITY, out.nextId(Tables.ACTIVITY, "ACT-", 8), catalog.actor(lead.owner(), at).id(),
                lead.id(), accountId(lead), channel, "RESEARCH", at, rng.between(minMinutes, maxMinutes), null);
    }

    /**
     * A contact at {@code at} (skipped after the period). {@code reaction} is the chance of a
     * reaction for non-e-mail contacts; e-mails react exactly when the sales e-mail is replied to,
     * with chance {@code reply}.
     */
    private void contact(Journey journey, String type, LocalDateTime at, double reaction, double reply,
            int minMinutes, int maxMinutes, Rng rng) {
        if (at.isAfter(calendar.end)) {
            return;
        }
        Lead lead = journey.lead;
        Rep rep = catalog.actor(lead.owner(), at);
        boolean reacted;
        if (type.equals("EMAIL")) {
            reacted = emails.sales(lead.id(), rep, at, reply, rng);
        } else {
            reacted = rng.chance(reaction);
        }
        out.row(Tables.ACTIVITY, out.nextId(Tables.ACTIVITY, "ACT-", 8), rep.id(), lead.id(), accountId(lead),
                channel(type, lead, rng), type, at, rng.between(minMinutes, maxMinutes),
                reacted ? "REACTION" : "NO_REACTION");
    }

    /** Account management: a customer's rep checks in (never by e-mail, so no sales e-mail). */
    void accountCare(String accountId, Rep owner, LocalDateTime at, Rng rng) {
        String type = MEETINGS[rng.between(0, MEETINGS.length - 1)];
        if (rng.chance(0.5)) {
            type = "CALL";
        }
        out.row(Tables.ACTIVITY, out.nextId(Tables.ACTIVITY, "ACT-", 8), catalog.actor(owner, at).id(), null,
                accountId, type.equals("CALL") || type.equals("VIDEO_CALL") ? "PHONE" : "EVENT", type, at, rng.between(10, 90),
                rng.chance(0.85) ? "REACTION" : "NO_REACTION");
    }

    private static String accountId(Lead lead) {
        return lead.account() == null ? null : lead.account().id();
    }

    private static String channel(String type, Lead lead, Rng rng) {
        return switch (type) {
            case "CALL" -> "PHONE";
            case "EMAIL" -> "EMAIL";
            case "SOCIAL_MESSAGE" -> rng.chance(0.7) ? "LINKEDIN" : "XING";
            case "CHAT" -> "WEBSITE";
            default -> lead.channel().code();
        };
    }
}

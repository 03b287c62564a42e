package io.kpipeline.generate;

import io.kpipeline.generate.Catalog.Rep;
import io.kpipeline.generate.Journey.Deal;
import io.kpipeline.generate.Journey.Stage;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Moves a lead through the funnel with a realistic drop-off (about 45 % become MQL, a few
 * percent end as customers), writes its funnel events and, from SQL on, its deal with the
 * decision date its owner expects. A few deals stall without a decision: most are closed as lost
 * by a pipeline review months later, the others stay open, unworked. Stage changes happen in
 * working hours; whatever would happen after the end of the period does not happen.
 */
final class FunnelGenerator {

    private static final Stage[] PATH = {Stage.MQL, Stage.SAL, Stage.SQL, Stage.FIRST_MEETING,
        Stage.SECOND_MEETING, Stage.OFFER, Stage.CONTRACT_SENT};
    private static final double[] PASS = {0.45, 0.72, 0.62, 0.80, 0.72, 0.76, 0.72};
    private static final double[][] DELAY_DAYS = {{0, 5}, {0, 4}, {1, 8}, {3, 14}, {5, 20}, {4, 14}, {3, 12}};
    /** Days from the contract sent to the customer's decision. */
    private static final double[] DECISION_DAYS = {4, 28};
    private static final double WIN = 0.66;
    /** Of the small and mid-sized deals that stall without a decision, the share a later review closes as lost. */
    private static final double CLEANED_UP = 0.6;
    /** Typical days from entering each stage of {@link #PATH} to the decision: what an owner expects. */
    private static final double[] TYPICAL_REMAINING_DAYS = typicalRemainingDays();

    private final Out out;
    private final BusinessCalendar calendar;
    private final Catalog catalog;

    FunnelGenerator(Out out, BusinessCalendar calendar, Catalog catalog) {
        this.out = out;
        this.calendar = calendar;
        this.catalog = catalog;
    }

    Journey run(Lead lead, Rng rng) {
        Journey journey = new Journey(lead);
        LocalDateTime t = lead.createdAt();
        int reached = -1;
        boolean dropped = false;
        for (int i = 0; i < PATH.length; i++) {
            double pass = lead.account() == null ? 0 : PASS[i] * (i == 0 ? channelBoost(lead) : 1);
            if (!rng.chance(pass)) {
                dropped = true;
                break;
            }
            LocalDateTime next = BusinessCalendar.workTimeAfter(t, DELAY_DAYS[i][0], DELAY_DAYS[i][1], rng);
            if (next.isAfter(calendar.end)) {
                break;
            }
            t = next;
            reached = i;
            enter(journey, PATH[i], t);
        }
        Stage end = null;
        LocalDateTime endAt = null;
        if (reached == PATH.length - 1 && !dropped) {
            end = rng.chance(WIN) ? Stage.WON : Stage.LOST;
            endAt = BusinessCalendar.workTimeAfter(t, DECISION_DAYS[0], DECISION_DAYS[1], rng);
        } else if (dropped && reached >= 2) {
            if (rng.chance(0.85)) {
                end = Stage.LOST;
                endAt = BusinessCalendar.workTimeAfter(t, 7, 45, rng);
            } else {
                // nobody works the deal any more; a pipeline review months later closes it: a large one
                // soon and always, a smaller one later or never
                boolean large = lead.account().segment().equals("ENTERPRISE");
                if (large || rng.chance(CLEANED_UP)) {
                    end = Stage.LOST;
                    endAt = BusinessCalendar.workTimeAfter(t, 60, large ? 100 : 180, rng);
                }
            }
        } else if (dropped) {
            end = rng.chance(reached >= 0 ? 0.5 : 0.25) ? Stage.DISQUALIFIED : null;
            endAt = BusinessCalendar.workTimeAfter(t, 1, 30, rng);
        }
        if (end != null && !endAt.isAfter(calendar.end)) {
            enter(journey, end, endAt);
        } else {
            end = null;
        }
        if (journey.reached(Stage.SQL)) {
            writeDeal(journey, reached, end, endAt, rng);
        }
        return journey;
    }

    /** Referrals, fairs and events bring warmer leads than a cold call or a social post. */
    private static double channelBoost(Lead lead) {
        return switch (lead.channel().code()) {
            case "REFERRAL" -> 1.6;
            case "TRADE_FAIR", "EVENT" -> 1.3;
            case "PHONE", "SOCIAL" -> 0.7;
            default -> 1.0;
        };
    }

    private void enter(Journey journey, Stage stage, LocalDateTime at) {
        journey.enter(stage, at);
        out.row(Tables.FUNNEL_EVENT, journey.lead.id(), stage.name(), at);
    }

    private void writeDeal(Journey journey, int reached, Stage end, LocalDateTime endAt, Rng rng) {
        Lead lead = journey.lead;
        LocalDateTime created = journey.at(Stage.SQL);
        Rep owner = catalog.actor(lead.owner(), created);
        double amount = switch (lead.account().segment()) {
            case "ENTERPRISE" -> rng.uniform(70_000, 240_000);
            case "MID" -> rng.uniform(20_000, 70_000);
            default -> rng.uniform(6_000, 20_000);
        };
        Integer months = null;
        if (rng.chance(0.65)) {
            double m = rng.uniform(0, 1);
            months = m < 0.5 ? 12 : m < 0.8 ? 24 : 36;
            amount = amount * months / 24;
        }
        String stage = end == Stage.WON || end == Stage.LOST ? end.name() : PATH[reached].name();
        String status = end == Stage.WON ? "WON" : end == Stage.LOST ? "LOST" : "OPEN";
        LocalDateTime closed = status.equals("OPEN") ? null : endAt;
        Deal deal = new Deal(out.nextId(Tables.DEAL, "DEAL-", 6), owner, created, Out.money(Math.round(amount / 10) * 10.0),
                months, closed, end == Stage.WON);
        journey.deal(deal);
        out.row(Tables.DEAL, deal.id(), lead.id(), lead.account().id(), owner.id(), created, stage, status,
                deal.amount(), months, closed, expectedClose(journey.at(PATH[reached]), reached, rng));
    }

    /**
     * The decision date the owner last entered: when the deal reached its latest stage, plus the
     * typical time from there to a decision, optimistic or cautious. A deal that stalls keeps it, so
     * it becomes overdue; a closed deal keeps the date it had.
     */
    private static LocalDate expectedClose(LocalDateTime stageReached, int stage, Rng rng) {
        long days = Math.round(TYPICAL_REMAINING_DAYS[stage] * rng.uniform(0.8, 1.4));
        return BusinessCalendar.nextWorkday(stageReached.toLocalDate().plusDays(days));
    }

    private static double[] typicalRemainingDays() {
        double[] remaining = new double[PATH.length];
        double days = (DECISION_DAYS[0] + DECISION_DAYS[1]) / 2;
        for (int i = PATH.length - 1; i >= 0; i--) {
            remaining[i] = days;
            days += (DELAY_DAYS[i][0] + DELAY_DAYS[i][1]) / 2;
        }
        return remaining;
    }
}

package io.kpipeline.generate;

import io.kpipeline.generate.Catalog.Rep;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;

/**
 * What happened to one lead: when it entered each stage it reached, and its deal if it got that
 * far. Activities and emails are derived from it.
 */
final class Journey {

    enum Stage {
        MQL, SAL, SQL, FIRST_MEETING, SECOND_MEETING, OFFER, CONTRACT_SENT, WON, LOST, DISQUALIFIED
    }

    record Deal(String id, Rep owner, LocalDateTime createdAt, BigDecimal amount, Integer contractMonths,
            LocalDateTime closedAt, boolean won) {
    }

    final Lead lead;
    private final Map<Stage, LocalDateTime> stages = new EnumMap<>(Stage.class);
    private Deal deal;

    Journey(Lead lead) {
        this.lead = lead;
    }

    void enter(Stage stage, LocalDateTime at) {
        stages.put(stage, at);
    }

    LocalDateTime at(Stage stage) {
        return stages.get(stage);
    }

    boolean reached(Stage stage) {
        return stages.containsKey(stage);
    }

    /** Stages entered, in funnel order (the EnumMap's order). */
    Map<Stage, LocalDateTime> stages() {
        return stages;
    }

    void deal(Deal value) {
        deal = value;
    }

    Deal deal() {
        return deal;
    }

    boolean won() {
        return deal != null && deal.won() && deal.closedAt() != null;
    }
}

package io.kpipeline.report;

import io.kpipeline.evaluation.Status;
import io.kpipeline.review.Observation;
import io.kpipeline.review.TargetProgress;
import io.kpipeline.review.TargetProgress.NoProjection;
import io.kpipeline.review.Verdict;

/**
 * The rows of the review's target table in the report language: each value with its case count where it
 * is a small sample, the projection or why there is none, and the assessment with its colour.
 */
final class ReviewTargetRows {

    private final ReportFormat format;
    private final ReviewTexts texts;
    private final int horizonDays;

    /** @param horizonDays how far after the cycle a deadline may lie to be projected, as the reason says */
    ReviewTargetRows(ReportFormat format, ReviewTexts texts, int horizonDays) {
        this.format = format;
        this.texts = texts;
        this.horizonDays = horizonDays;
    }

    ReviewRows.TargetKpi row(TargetProgress p) {
        return new ReviewRows.TargetKpi(p.kpi().name().in(format.locale()), p.target().owner(),
                value(p, p.baseline()), p.checkpoints().stream().map(v -> value(p, v)).toList(), value(p, p.current()),
                ReviewTexts.target(format, p.target(), p.direction(), p.kpi().unit()),
                format.date(p.target().deadline()), projection(p), noProjection(p), tone(p), verdict(p));
    }

    /** A value of the target table in its unit; a small sample with its case count below it. */
    String value(TargetProgress p, Observation value) {
        String text = format.value(value.value(), p.kpi().unit());
        return p.isSmallSample(value) ? text + "\n" + texts.cases(value.cases()) : text;
    }

    /** The projected value; null without one (see {@link #noProjection}). */
    String projection(TargetProgress p) {
        return p.projected() == null ? null : format.value(p.projected(), p.kpi().unit());
    }

    /** Why there is no projection, in a few words; null when there is one. */
    String noProjection(TargetProgress p) {
        if (p.why() == null) {
            return null;
        }
        return switch (p.why()) {
            case NO_VALUE, NO_DIRECTION, SMALL_SAMPLE -> format.none();
            case DEADLINE_FAR -> format.text("review.noProjection.DEADLINE_FAR", horizonDays);
            case POOR_FIT -> format.text("review.noProjection.POOR_FIT", texts.r(p.fit().rSquared()));
            case DEADLINE_PASSED, FEW_CHECKPOINTS, SMALL_CHECKPOINTS, OUTSIDE_RANGE ->
                    format.text("review.noProjection." + p.why().name());
        };
    }

    /**
     * The assessment: the verdict's word; for a small sample only its case count, no verdict; where the target
     * is reached without a projection, also the direction the checkpoints take.
     */
    String verdict(TargetProgress p) {
        if (p.why() == NoProjection.SMALL_SAMPLE) {
            return format.text("review.verdict.smallSample", p.current().cases());
        }
        if (p.verdict() == Verdict.NO_PROJECTION && (p.why() == NoProjection.NO_VALUE
                || p.why() == NoProjection.NO_DIRECTION)) {
            return format.text("review.verdict.NO_PROJECTION." + p.why().name());
        }
        if (p.verdict() == Verdict.NO_PROJECTION && p.fit() != null && p.heading() == null) {
            // the checkpoints zigzag: no line to extend, and no direction to read from it either
            return format.text("review.verdict.DIRECTION_UNCLEAR");
        }
        String word = format.text("review.verdict." + p.verdict().name());
        if (p.verdict() == Verdict.REACHED && p.projected() == null && p.heading() != null
                && p.why() != NoProjection.DEADLINE_PASSED) {
            word += "\n" + format.text("review.verdict.DIRECTION_" + p.heading().name());
        }
        return word;
    }

    /**
     * The colour of the assessment: GOOD where the target is reached or projected to be, WARN where the
     * evidence is mixed (heading for the target without reaching it yet, or reached but heading away), BAD
     * where it is missed, projected to be missed or heading away, NEUTRAL where nothing is judged.
     */
    static String tone(TargetProgress p) {
        Status tone = switch (p.verdict()) {
            case REACHED -> p.projected() == null && p.heading() == TargetProgress.Heading.WRONG
                    && p.why() != NoProjection.DEADLINE_PASSED ? Status.WARN : Status.GOOD;
            case ON_TRACK -> Status.GOOD;
            case DIRECTION_RIGHT -> Status.WARN;
            case OFF_TRACK, MISSED, DIRECTION_WRONG -> Status.BAD;
            case NO_PROJECTION -> Status.NEUTRAL;
        };
        return tone.name();
    }

}

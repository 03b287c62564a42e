package io.kpipeline.report;

import java.util.List;

/**
 * The rows of the 30-day review's tables, as JavaBeans (JasperReports reads rows through getters;
 * records have none). Values arrive formatted in the report locale, so the template only lays out.
 */
public final class ReviewRows {

    private ReviewRows() {
    }

    /**
     * A KPI with a target: baseline, four checkpoints, the cycle's value (each with its case count where it is
     * a small sample), target, deadline, the projection or why there is none, and the verdict.
     */
    public static final class TargetKpi {
        private final String name;
        private final String owner;
        private final String baseline;
        private final List<String> checkpoints;
        private final String current;
        private final String target;
        private final String deadline;
        private final String projection;
        private final String projectionNote;
        private final String tone;
        private final String verdictText;

        TargetKpi(String name, String owner, String baseline, List<String> checkpoints, String current, String target,
                String deadline, String projection, String projectionNote, String tone, String verdictText) {
            this.name = name;
            this.owner = owner;
            this.baseline = baseline;
            this.checkpoints = List.copyOf(checkpoints);
            this.current = current;
            this.target = target;
            this.deadline = deadline;
            this.projection = projection;
            this.projectionNote = projectionNote;
            this.tone = tone;
            this.verdictText = verdictText;
        }

        public String getName() {
            return name;
        }

        public String getOwner() {
            return owner;
        }

        public String getBaseline() {
            return baseline;
        }

        public String getCheckpoint1() {
            return checkpoints.get(0);
        }

        public String getCheckpoint2() {
            return checkpoints.get(1);
        }

        public String getCheckpoint3() {
            return checkpoints.get(2);
        }

        public String getCheckpoint4() {
            return checkpoints.get(3);
        }

        public String getCurrent() {
            return current;
        }

        public String getTarget() {
            return target;
        }

        public String getDeadline() {
            return deadline;
        }

        /** The projected value, null when there is none. */
        public String getProjection() {
            return projection;
        }

        /** Why there is no projection, null when there is one. */
        public String getProjectionNote() {
            return projectionNote;
        }

        /** GOOD, WARN, BAD or NEUTRAL: the colour of the assessment. */
        public String getTone() {
            return tone;
        }

        /** The assessment in the report language: the verdict, or for a small sample its case count. */
        public String getVerdictText() {
            return verdictText;
        }
    }

    /** A line of the inventory or the recommendations: what, which KPIs, and why. */
    public static final class Finding {
        private final String label;
        private final String kpis;
        private final String detail;

        Finding(String label, String kpis, String detail) {
            this.label = label;
            this.kpis = kpis;
            this.detail = detail;
        }

        public String getLabel() {
            return label;
        }

        public String getKpis() {
            return kpis;
        }

        public String getDetail() {
            return detail;
        }
    }

    /** A numbered question for the review meeting. */
    public static final class Question {
        private final String number;
        private final String text;

        Question(String number, String text) {
            this.number = number;
            this.text = text;
        }

        public String getNumber() {
            return number;
        }

        public String getText() {
            return text;
        }
    }
}

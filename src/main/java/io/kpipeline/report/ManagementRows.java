package io.kpipeline.report;

/**
 * The text rows of the management report, as JavaBeans (JasperReports reads rows through
 * getters): the scorecard lines and the entries of the summary, data-quality notes and glossary.
 * Values arrive formatted in the report locale, so the templates only lay out.
 */
public final class ManagementRows {

    private ManagementRows() {
    }

    /** One KPI of the scorecard, under its category. */
    public static final class ScorecardLine {
        private final String category;
        private final String name;
        private final String value;
        private final String cases;
        private final String previous;
        private final String comparison;
        private final String target;
        private final String status;
        private final String benchmark;
        private final String notes;

        ScorecardLine(String category, String name, String value, String cases, String previous, String comparison,
                String target, String status, String benchmark, String notes) {
            this.category = category;
            this.name = name;
            this.value = value;
            this.cases = cases;
            this.previous = previous;
            this.comparison = comparison;
            this.target = target;
            this.status = status;
            this.benchmark = benchmark;
            this.notes = notes;
        }

        /** The category's name in the report language; the scorecard groups by it. */
        public String getCategory() {
            return category;
        }

        public String getName() {
            return name;
        }

        public String getValue() {
            return value;
        }

        /** "n = 4" for a value on a small sample, which has no status; else null. */
        public String getCases() {
            return cases;
        }

        /** The value of the previous period. */
        public String getPrevious() {
            return previous;
        }

        /** The value of the same period last year; for a year, whose previous period that is, the change to it. */
        public String getComparison() {
            return comparison;
        }

        public String getTarget() {
            return target;
        }

        /**
         * GOOD, WARN, BAD or NEUTRAL; the template prints the word in the report language. Empty for a small
         * sample, which is not judged.
         */
        public String getStatus() {
            return status;
        }

        /** The benchmark value with the number of its source in the list below the scorecard. */
        public String getBenchmark() {
            return benchmark;
        }

        public String getNotes() {
            return notes;
        }
    }

    /**
     * A titled paragraph: a summary paragraph, a data-quality note or a glossary entry. {@code group}
     * heads a run of entries (the glossary's categories); null for none. {@code detail} is set in smaller
     * type under the text (the benchmarks of a glossary entry); null for none.
     */
    public static final class Entry {
        private final String group;
        private final String title;
        private final String text;
        private final String detail;

        Entry(String group, String title, String text) {
            this(group, title, text, null);
        }

        Entry(String group, String title, String text, String detail) {
            this.group = group;
            this.title = title;
            this.text = text;
            this.detail = detail;
        }

        public String getGroup() {
            return group;
        }

        public String getTitle() {
            return title;
        }

        public String getText() {
            return text;
        }

        public String getDetail() {
            return detail;
        }
    }
}

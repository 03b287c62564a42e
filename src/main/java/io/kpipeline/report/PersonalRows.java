package io.kpipeline.report;

/**
 * The rows of the personal weekly report, as JavaBeans (JasperReports reads rows through getters).
 * Values arrive formatted in the report locale, so the template only lays out.
 */
public final class PersonalRows {

    private PersonalRows() {
    }

    /**
     * One figure of the rep beside the team: a KPI, or the contacts of one channel.
     * {@code section} groups the rows under a heading, in the order they arrive.
     */
    public static final class Figure {
        private final String section;
        private final String name;
        private final String value;
        private final String cases;
        private final String team;
        private final String difference;
        private final String previousWeek;
        private final String status;
        private final String notes;
        private final boolean valueOverHundred;
        private final boolean teamOverHundred;

        Figure(String section, String name, String value, String cases, String team, String difference,
                String previousWeek, String status, String notes) {
            this(section, name, value, cases, team, difference, previousWeek, status, notes, false, false);
        }

        Figure(String section, String name, String value, String cases, String team, String difference,
                String previousWeek, String status, String notes, boolean valueOverHundred, boolean teamOverHundred) {
            this.section = section;
            this.name = name;
            this.value = value;
            this.cases = cases;
            this.team = team;
            this.difference = difference;
            this.previousWeek = previousWeek;
            this.status = status;
            this.notes = notes;
            this.valueOverHundred = valueOverHundred;
            this.teamOverHundred = teamOverHundred;
        }

        /** Whether the rep's value is a stage conversion over 100 % (see {@link FunnelFlows}). */
        public boolean isValueOverHundred() {
            return valueOverHundred;
        }

        /** Whether the team's value is a stage conversion over 100 %. */
        public boolean isTeamOverHundred() {
            return teamOverHundred;
        }

        public String getSection() {
            return section;
        }

        public String getName() {
            return name;
        }

        /** The rep's own value. */
        public String getValue() {
            return value;
        }

        /** "n = 4" where the rep's value is a small sample, else null. */
        public String getCases() {
            return cases;
        }

        /** The team's value (rates) or the average per active rep (counts). */
        public String getTeam() {
            return team;
        }

        /** The rep's value against the team's: percentage points for rates, else per cent. */
        public String getDifference() {
            return difference;
        }

        /** The rep's own value of the previous week. */
        public String getPreviousWeek() {
            return previousWeek;
        }

        /** GOOD, WARN, BAD or NEUTRAL; empty where no status applies (channel rows, small samples). */
        public String getStatus() {
            return status;
        }

        public String getNotes() {
            return notes;
        }
    }
}

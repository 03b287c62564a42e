package io.kpipeline.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rows of the weekly report's tables, as JavaBeans (JasperReports reads rows through getters;
 * records have none). Values arrive formatted in the report locale, so the template only lays out.
 */
public final class WeeklyRows {

    private WeeklyRows() {
    }

    /**
     * A focus KPI: value, changes, target, status and its 13-week trend. A small sample carries its case
     * count ("n = 4") and no status.
     */
    public static final class FocusKpi {
        private final String name;
        private final String value;
        private final String cases;
        private final String previousWeekChange;
        private final String previousYearChange;
        private final String target;
        private final String status;
        private final String flags;
        private final List<TrendPoint> trend;

        FocusKpi(String name, String value, String cases, String previousWeekChange, String previousYearChange,
                String target, String status, String flags, List<TrendPoint> trend) {
            this.name = name;
            this.value = value;
            this.cases = cases;
            this.previousWeekChange = previousWeekChange;
            this.previousYearChange = previousYearChange;
            this.target = target;
            this.status = status;
            this.flags = flags;
            this.trend = List.copyOf(trend);
        }

        public String getName() {
            return name;
        }

        public String getValue() {
            return value;
        }

        /** "n = 4" for a small sample, else null. */
        public String getCases() {
            return cases;
        }

        public String getPreviousWeekChange() {
            return previousWeekChange;
        }

        public String getPreviousYearChange() {
            return previousYearChange;
        }

        public String getTarget() {
            return target;
        }

        /**
         * GOOD, WARN, BAD or NEUTRAL, the template prints the word in the report language; empty for a small
         * sample, which is not judged.
         */
        public String getStatus() {
            return status;
        }

        public String getFlags() {
            return flags;
        }

        public List<TrendPoint> getTrend() {
            return trend;
        }
    }

    /** One week of a trend: its position (1 = oldest) and value, null for a week without one. */
    public static final class TrendPoint {
        private final Integer week;
        private final BigDecimal value;

        TrendPoint(int week, BigDecimal value) {
            this.week = week;
            this.value = value;
        }

        public Integer getWeek() {
            return week;
        }

        public BigDecimal getValue() {
            return value;
        }
    }

    /** Contacts of one channel. */
    public static final class ChannelContacts {
        private final String channel;
        private final String contacts;
        private final String previousWeek;
        private final String change;
        private final String share;

        ChannelContacts(String channel, String contacts, String previousWeek, String change, String share) {
            this.channel = channel;
            this.contacts = contacts;
            this.previousWeek = previousWeek;
            this.change = change;
            this.share = share;
        }

        public String getChannel() {
            return channel;
        }

        public String getContacts() {
            return contacts;
        }

        public String getPreviousWeek() {
            return previousWeek;
        }

        public String getChange() {
            return change;
        }

        public String getShare() {
            return share;
        }
    }

    /**
     * The funnel stage conversions of one sales rep, or of the team, in stage order, each with its case count
     * ("n = 4") where it is a small sample, else null. The last rows of the table are its tail, which a page
     * break does not separate from each other and the note under the table.
     */
    public static final class FunnelConversions {
        private final String rep;
        private final boolean team;
        private final List<String> conversions;
        private final List<String> cases;
        private final boolean tail;

        FunnelConversions(String rep, boolean team, List<String> conversions, List<String> cases) {
            this(rep, team, conversions, cases, false);
        }

        private FunnelConversions(String rep, boolean team, List<String> conversions, List<String> cases,
                boolean tail) {
            this.rep = rep;
            this.team = team;
            this.conversions = List.copyOf(conversions);
            // null where a value is no small sample, which List.copyOf refuses
            this.cases = Collections.unmodifiableList(new ArrayList<>(cases));
            this.tail = tail;
        }

        /** This row as one of the table's tail. */
        FunnelConversions inTail() {
            return new FunnelConversions(rep, team, conversions, cases, true);
        }

        /** Whether a case count stands under a value, which makes the row about twice as high. */
        boolean hasCases() {
            return cases.stream().anyMatch(java.util.Objects::nonNull);
        }

        public Boolean getTail() {
            return tail;
        }

        public String getRep() {
            return rep;
        }

        public Boolean getTeam() {
            return team;
        }

        public List<String> getConversions() {
            return conversions;
        }

        public List<String> getCases() {
            return cases;
        }
    }

    /**
     * A recommended measure that fired, with the KPI (and its value or status) that fired it and, where there
     * is one, the place to start ("Kosten pro Lead: Messe 412,00 € gegen 160,00 € im Schnitt"), else null.
     */
    public static final class Measure {
        private final String kpi;
        private final String text;
        private final String start;

        Measure(String kpi, String text, String start) {
            this.kpi = kpi;
            this.text = text;
            this.start = start;
        }

        public String getKpi() {
            return kpi;
        }

        public String getText() {
            return text;
        }

        public String getStart() {
            return start;
        }
    }
}

package io.kpipeline.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * The rows of the monthly report's charts, rep comparison and campaign table, as JavaBeans.
 */
public final class ManagementTables {

    private ManagementTables() {
    }

    /** One value of a chart: the series it belongs to, its category label (a month, channel or stage). */
    public static final class ChartPoint {
        private final String series;
        private final String label;
        private final BigDecimal value;

        ChartPoint(String series, String label, BigDecimal value) {
            this.series = series;
            this.label = label;
            this.value = value;
        }

        public String getSeries() {
            return series;
        }

        public String getLabel() {
            return label;
        }

        /** Null where the period has no value: the line shows a gap, the bar is left out. */
        public BigDecimal getValue() {
            return value;
        }
    }

    /** The main sales KPIs of one rep, or of the team, in the order of the column headers. */
    public static final class RepLine {
        private final String rep;
        private final boolean team;
        private final List<String> values;

        RepLine(String rep, boolean team, List<String> values) {
            this.rep = rep;
            this.team = team;
            this.values = List.copyOf(values);
        }

        public String getRep() {
            return rep;
        }

        public Boolean getTeam() {
            return team;
        }

        public List<String> getValues() {
            return values;
        }
    }

    /** A campaign's leads, the revenue of the deals won from them, its ad cost and ROMI. */
    public static final class CampaignLine {
        private final String campaign;
        private final String leads;
        private final String wonRevenue;
        private final String adCost;
        private final String romi;
        private final boolean total;

        CampaignLine(String campaign, String leads, String wonRevenue, String adCost, String romi, boolean total) {
            this.campaign = campaign;
            this.leads = leads;
            this.wonRevenue = wonRevenue;
            this.adCost = adCost;
            this.romi = romi;
            this.total = total;
        }

        public String getCampaign() {
            return campaign;
        }

        public String getLeads() {
            return leads;
        }

        public String getWonRevenue() {
            return wonRevenue;
        }

        public String getAdCost() {
            return adCost;
        }

        public String getRomi() {
            return romi;
        }

        /** The line of all campaigns together. */
        public Boolean getTotal() {
            return total;
        }
    }
}

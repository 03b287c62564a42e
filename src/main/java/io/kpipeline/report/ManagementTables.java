package io.kpipeline.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rows of the management report's charts, rep comparison and campaign table, as JavaBeans.
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

    /**
     * The main sales KPIs of one rep, or of the team, in the order of the column headers; beside each value
     * its case count ("n = 4") where it is a small sample, else null.
     */
    public static final class RepLine {
        private final String rep;
        private final boolean team;
        private final List<String> values;
        private final List<String> cases;

        RepLine(String rep, boolean team, List<String> values, List<String> cases) {
            this.rep = rep;
            this.team = team;
            this.values = List.copyOf(values);
            this.cases = Collections.unmodifiableList(new ArrayList<>(cases));
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

        /** "n = 4" for a value on a small sample, else null, in the order of the values. */
        public List<String> getCases() {
            return cases;
        }
    }

    /**
     * A campaign's figures since its start up to the period's end: leads, won deals, their first-year
     * value, cost, budget, the share of the budget used and ROMI; or the line over the campaigns with a cost.
     */
    public static final class CampaignLine {
        private final String campaign;
        private final String detail;
        private final String leads;
        private final String wonDeals;
        private final String firstYearValue;
        private final String cost;
        private final String budget;
        private final String budgetUsed;
        private final String romi;
        private final boolean smallBase;
        private final boolean total;

        CampaignLine(String campaign, String detail, String leads, String wonDeals, String firstYearValue, String cost,
                String budget, String budgetUsed, String romi, boolean smallBase, boolean total) {
            this.campaign = campaign;
            this.detail = detail;
            this.leads = leads;
            this.wonDeals = wonDeals;
            this.firstYearValue = firstYearValue;
            this.cost = cost;
            this.budget = budget;
            this.budgetUsed = budgetUsed;
            this.romi = romi;
            this.smallBase = smallBase;
            this.total = total;
        }

        public String getCampaign() {
            return campaign;
        }

        /** The line under the name: its start, and why it has no ROMI where it has none. */
        public String getDetail() {
            return detail;
        }

        public String getLeads() {
            return leads;
        }

        public String getWonDeals() {
            return wonDeals;
        }

        public String getFirstYearValue() {
            return firstYearValue;
        }

        public String getCost() {
            return cost;
        }

        public String getBudget() {
            return budget;
        }

        public String getBudgetUsed() {
            return budgetUsed;
        }

        public String getRomi() {
            return romi;
        }

        /** Whether the ROMI rests on a small base (little cost or a single deal), which the table marks. */
        public Boolean getSmallBase() {
            return smallBase;
        }

        /** The line over the campaigns with a cost. */
        public Boolean getTotal() {
            return total;
        }
    }
}

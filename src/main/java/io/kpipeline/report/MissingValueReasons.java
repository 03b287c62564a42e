package io.kpipeline.report;

import io.kpipeline.kpi.KpiEngine;
import io.kpipeline.kpi.KpiSettings;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a KPI has no value, in the report language. The KPI computation records the reason in English (the
 * calculators in {@code kpi/}), and the stored results and {@code kpi-results.csv} keep it so; a report prints
 * the text its bundle has for a known reason ({@code reason.*}), and an unknown one as recorded.
 */
final class MissingValueReasons {

    /** The reasons the calculators record, by their bundle key. */
    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry(KpiSettings.NO_GROSS_MARGIN, "noGrossMargin"),
            Map.entry("no account had subscription MRR 365 days before the last day of the period", "noBaseMrr"),
            Map.entry("no accounts with a booked one-off order in the period", "noOneOffOrders"),
            Map.entry("no active customers on the last day of the period", "noActiveCustomers"),
            Map.entry("no customers active on the last day of the period", "noActiveCustomers"),
            Map.entry("no customers active 365 days before the end of the period", "noCustomersYearBefore"),
            Map.entry("no customers active on the opening day (the day before the period)", "noOpeningCustomers"),
            Map.entry("no subscription MRR active on the opening day (the day before the period)", "noOpeningMrr"),
            Map.entry("no existing customers: every customer active on the last day is new", "noExistingCustomers"),
            Map.entry("no new customers in the period", "noNewCustomers"),
            Map.entry("no new customers in the 365 days up to the end of the period", "noNewCustomersYear"),
            Map.entry("the accounts new in the 365 days up to the end of the period hold no subscription MRR on its"
                    + " last day", "noNewCustomersMrr"),
            Map.entry("no ad clicks in the period", "noAdClicks"),
            Map.entry("no ad impressions in the period", "noAdImpressions"),
            Map.entry("no orders in the period", "noOrders"),
            Map.entry("no booked orders in the period", "noBookedOrders"),
            Map.entry("no booked revenue in the period", "noBookedRevenue"),
            Map.entry("no feedback received in the period", "noFeedback"),
            Map.entry("no campaign started in the 730 days before the end of the period has a recorded cost",
                    "noCampaignCost"),
            Map.entry("no cost recorded for the campaign before the end of the period", "noCostOfCampaign"),
            Map.entry("no marketing cost in the period", "noMarketingCost"),
            Map.entry("no marketing or sales cost in the 365 days up to the end of the period", "noCostYear"),
            Map.entry("no deals won in the period", "noWonDeals"),
            Map.entry("no deals won or lost in the period", "noClosedDeals"),
            Map.entry("no deals with a contract term won in the period", "noWonDealsWithTerm"),
            Map.entry("no delivered marketing emails sent in the period", "noDeliveredMarketingEmails"),
            Map.entry("no opened marketing emails sent in the period", "noOpenedMarketingEmails"),
            Map.entry("no delivered sales emails sent in the period", "noDeliveredSalesEmails"),
            Map.entry("no emails sent in the period", "noEmails"),
            Map.entry("no leads created in the period", "noLeads"),
            Map.entry("no lead created in the period has had a contact", "noContactedLeads"),
            Map.entry("no leads entered MQL in the previous period", "noPreviousMqls"),
            Map.entry("no research time in the period", "noResearchTime"),
            Map.entry("no sessions in the period", "noSessions"),
            Map.entry("no sessions of the channel in the period", "noSessionsOfChannel"));

    /** "nothing has been imported into customer_order or subscription": the tables are the canonical ones. */
    private static final Pattern NOTHING_IMPORTED = Pattern.compile(KpiEngine.NOTHING_IMPORTED + "([a-z_]+(?: or [a-z_]+)*)");

    /** "no leads entered SAL in the period": the stage is a code of the funnel events. */
    private static final Pattern STAGE_ENTRIES = Pattern.compile("no leads entered ([A-Z_]+) in the period");
    private static final Map<String, String> STAGES = Map.of("MQL", "mql", "SAL", "sal", "SQL", "sql",
            "FIRST_MEETING", "firstMeeting", "SECOND_MEETING", "secondMeeting", "OFFER", "offer",
            "CONTRACT_SENT", "contractSent", "WON", "won");

    private MissingValueReasons() {
    }

    /** The reason in the report language; null stays null. */
    static String text(ReportFormat format, String reason) {
        if (reason == null) {
            return null;
        }
        String key = KEYS.get(reason);
        if (key != null) {
            return format.text("reason." + key);
        }
        Matcher stage = STAGE_ENTRIES.matcher(reason);
        if (stage.matches() && STAGES.containsKey(stage.group(1))) {
            return format.text("reason.noStageEntries", format.text("stage." + STAGES.get(stage.group(1))));
        }
        Matcher imported = NOTHING_IMPORTED.matcher(reason);
        if (imported.matches()) {
            // the reader's words for the tables: a management report names no table
            List<String> tables = List.of(imported.group(1).split(" or "));
            return format.text("reason.nothingImported", String.join(format.text("reason.or"),
                    tables.stream().map(t -> format.text("source." + t)).toList()));
        }
        return reason;
    }

    /** Whether the reports have a text of their own for {@code reason}. */
    static boolean known(String reason) {
        Matcher stage = STAGE_ENTRIES.matcher(reason);
        return KEYS.containsKey(reason) || stage.matches() && STAGES.containsKey(stage.group(1))
                || NOTHING_IMPORTED.matcher(reason).matches();
    }
}

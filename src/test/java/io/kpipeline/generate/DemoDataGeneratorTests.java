package io.kpipeline.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.model.CanonicalModel;
import io.kpipeline.model.Column;
import io.kpipeline.model.ColumnType;
import io.kpipeline.model.Table;
import io.kpipeline.system.Progress;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataGeneratorTests {

    static final LocalDate FROM = LocalDate.of(2025, 8, 1);
    static final LocalDate TO = LocalDate.of(2026, 11, 21);
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @TempDir
    static Path dir;

    static GenerationReport report;
    static final Map<String, List<CSVRecord>> data = new HashMap<>();

    @BeforeAll
    static void generateTheDefaultDataSet() throws IOException {
        report = generate(dir.resolve("default"), new GeneratorSettings(FROM, TO, 4000, 42));
        for (Table table : CanonicalModel.tables()) {
            data.put(table.name(), read(dir.resolve("default").resolve(table.fileName())));
        }
    }

    @Test
    void sameSettingsGiveIdenticalFilesAndAnotherSeedDifferentOnes() throws IOException {
        GeneratorSettings settings = new GeneratorSettings(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), 500, 3);
        generate(dir.resolve("a"), settings);
        generate(dir.resolve("b"), settings);
        generate(dir.resolve("c"), new GeneratorSettings(settings.from(), settings.to(), 500, 4));
        boolean anyDifferent = false;
        for (Table table : CanonicalModel.tables()) {
            byte[] a = Files.readAllBytes(dir.resolve("a").resolve(table.fileName()));
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(table.fileName()))).as(table.name()).isEqualTo(a);
            anyDifferent |= !java.util.Arrays.equals(a, Files.readAllBytes(dir.resolve("c").resolve(table.fileName())));
        }
        assertThat(anyDifferent).isTrue();
    }

    @Test
    void everyTableGetsRowsAndTheReportCountsTheFileRows() {
        assertThat(report.rowsPerTable().keySet()).containsExactlyElementsOf(
                CanonicalModel.tables().stream().map(Table::name).toList());
        for (Table table : CanonicalModel.tables()) {
            assertThat(data.get(table.name())).as(table.name()).isNotEmpty().hasSize((int) report.rows(table.name()));
        }
        assertThat(report.totalRows()).isBetween(150_000L, 400_000L);
        assertThat(report.rows("lead")).isEqualTo(4000);
    }

    @Test
    void everyForeignKeyRefersToAnExistingRowAndKeysAreUnique() {
        for (Table table : CanonicalModel.tables()) {
            Set<String> keys = new HashSet<>();
            for (CSVRecord r : data.get(table.name())) {
                String key = String.join("|", table.key().stream().map(r::get).toList());
                assertThat(keys.add(key)).as(table.name() + " key " + key).isTrue();
            }
            for (Column fk : table.foreignKeys()) {
                Table parent = CanonicalModel.table(fk.references()).orElseThrow();
                Set<String> ids = new HashSet<>(column(parent.name(), parent.key().get(0)));
                for (String value : column(table.name(), fk.name())) {
                    if (!value.isEmpty()) {
                        assertThat(ids).as(table.name() + "." + fk.name()).contains(value);
                    }
                }
            }
        }
    }

    /**
     * Everything happens in the period, except the installed base's history (its accounts, the
     * start of its subscriptions and the notice given on some of them lie before it) and the
     * decision dates owners expect for open deals (after it).
     */
    @Test
    void timestampsAndDatesLieInThePeriod() {
        LocalDateTime start = FROM.atStartOfDay();
        LocalDateTime end = TO.atTime(23, 59, 59);
        Set<String> history = Set.of("account.created_at", "subscription.start_date", "subscription.cancelled_at");
        for (Table table : CanonicalModel.tables()) {
            for (Column c : table.columns()) {
                String name = table.name() + "." + c.name();
                LocalDateTime first = history.contains(name) ? FROM.minusYears(9).atStartOfDay() : start;
                LocalDateTime last = name.equals("deal.expected_close_date") ? end.plusYears(1) : end;
                for (String value : column(table.name(), c.name())) {
                    if (value.isEmpty()) {
                        continue;
                    }
                    String what = name + " " + value;
                    if (c.type() == ColumnType.TIMESTAMP) {
                        assertThat(LocalDateTime.parse(value, TIMESTAMP)).as(what).isBetween(first, last);
                    } else if (c.type() == ColumnType.DATE) {
                        assertThat(LocalDate.parse(value)).as(what)
                                .isBetween(first.toLocalDate(), last.toLocalDate());
                    } else if (c.type() == ColumnType.MONTH) {
                        assertThat(LocalDate.parse(value)).as(what).isBetween(FROM.withDayOfMonth(1), TO)
                                .matches(d -> d.getDayOfMonth() == 1);
                    }
                }
            }
        }
        Map<String, String> installedSince = new HashMap<>();
        rows("subscription", r -> r.get("deal_id").isEmpty())
                .forEach(r -> installedSince.put(r.get("account_id"), r.get("start_date")));
        for (CSVRecord account : rows("account", r -> time(r.get("created_at")).isBefore(start))) {
            assertThat(installedSince).as("account created before the period: " + account.get("id"))
                    .containsKey(account.get("id"));
            assertThat(time(account.get("created_at")).toLocalDate())
                    .isBefore(LocalDate.parse(installedSince.get(account.get("id"))));
        }
    }

    // --- data model version 2 ----------------------------------------------------------------

    @Test
    void theInstalledBaseBeganInEarlierYearsAndTheOtherSubscriptionsAfterTheirDealWasWon() {
        Map<String, CSVRecord> deals = byId("deal");
        List<LocalDate> installed = new ArrayList<>();
        for (CSVRecord s : data.get("subscription")) {
            LocalDate start = LocalDate.parse(s.get("start_date"));
            if (s.get("deal_id").isEmpty()) {
                installed.add(start);
            } else {
                CSVRecord deal = deals.get(s.get("deal_id"));
                assertThat(deal.get("status")).isEqualTo("WON");
                assertThat(start).as(s.get("id")).isAfter(time(deal.get("closed_at")).toLocalDate()).isBefore(TO.plusDays(1));
            }
        }
        // 4000 leads over the 478 days are 8.368 a day, 0.9962 of the demo company's 8.4: its installed base of 307
        // subscriptions scaled, 305.8, is 306
        assertThat(installed).hasSize(306).allMatch(d -> d.isBefore(FROM) && !d.isBefore(FROM.minusYears(8)));
        assertThat(installed.stream().map(LocalDate::getYear).distinct().count()).isGreaterThanOrEqualTo(7);
        assertThat(installed.stream().filter(d -> d.isBefore(FROM.minusYears(3))).count())
                .as("begun more than three years before").isBetween(50L, 150L);
    }

    @Test
    void everySubscriptionInvoicesEachMonthOfThePeriodWithItsIdAndOneOffOrdersHaveNone() {
        Map<String, List<CSVRecord>> invoices = new HashMap<>();
        rows("customer_order", r -> !r.get("subscription_id").isEmpty())
                .forEach(r -> invoices.computeIfAbsent(r.get("subscription_id"), k -> new ArrayList<>()).add(r));
        for (CSVRecord s : data.get("subscription")) {
            LocalDate start = LocalDate.parse(s.get("start_date"));
            LocalDate end = s.get("end_date").isEmpty() ? TO.plusDays(1) : LocalDate.parse(s.get("end_date"));
            LocalDate from = start.isBefore(FROM) ? FROM : start;
            List<LocalDate> dates = invoices.getOrDefault(s.get("id"), List.of()).stream()
                    .peek(o -> assertThat(o.get("account_id")).isEqualTo(s.get("account_id")))
                    .peek(o -> assertThat(o.get("amount")).isEqualTo(s.get("mrr")))
                    .map(o -> LocalDate.parse(o.get("order_date"))).sorted().toList();
            if (dates.isEmpty()) {
                // ended before its first billing day in the period
                assertThat(end).as(s.get("id")).isBefore(from.plusMonths(1));
                continue;
            }
            LocalDate first = dates.get(0);
            assertThat(first).as(s.get("id")).isAfterOrEqualTo(from).isBefore(from.plusMonths(1));
            for (int k = 0; k < dates.size(); k++) {
                assertThat(dates.get(k)).as(s.get("id") + " invoice " + k).isEqualTo(first.plusMonths(k));
            }
            LocalDate next = first.plusMonths(dates.size());
            assertThat(next.isAfter(TO) || !next.isBefore(end)).as(s.get("id") + " invoiced until its end").isTrue();
        }
        Set<String> oneOffDeals = new HashSet<>();
        rows("deal", r -> r.get("contract_months").isEmpty()).forEach(r -> oneOffDeals.add(r.get("id")));
        List<CSVRecord> oneOff = rows("customer_order", r -> r.get("subscription_id").isEmpty());
        assertThat(rows("customer_order", r -> oneOffDeals.contains(r.get("deal_id"))))
                .isNotEmpty().allMatch(r -> r.get("subscription_id").isEmpty());
        assertThat(oneOff).anyMatch(r -> r.get("deal_id").isEmpty()).anyMatch(r -> !r.get("deal_id").isEmpty());
        assertThat(oneOff.size() / (double) data.get("customer_order").size()).isBetween(0.05, 0.15);
    }

    @Test
    void aboutHalfOfTheOneOffBuyersOfALateMonthHaveBoughtBefore() {
        // the period's first months have no earlier orders to repurchase after, so look at its last six
        Map<String, List<LocalDate>> bought = new HashMap<>();
        rows("customer_order", r -> r.get("subscription_id").isEmpty() && r.get("status").equals("BOOKED"))
                .forEach(r -> bought.computeIfAbsent(r.get("account_id"), k -> new ArrayList<>())
                        .add(LocalDate.parse(r.get("order_date"))));
        long buyers = 0;
        long repurchasers = 0;
        for (LocalDate month = LocalDate.of(2026, 5, 1); month.isBefore(LocalDate.of(2026, 11, 1));
                month = month.plusMonths(1)) {
            LocalDate s = month;
            for (List<LocalDate> dates : bought.values()) {
                if (dates.stream().anyMatch(d -> !d.isBefore(s) && d.isBefore(s.plusMonths(1)))) {
                    buyers++;
                    repurchasers += dates.stream().anyMatch(d -> d.isBefore(s)) ? 1 : 0;
                }
            }
        }
        assertThat(repurchasers / (double) buyers).isBetween(0.30, 0.60);
    }

    @Test
    void subscriptionsEndInMostMonthsAtOneToTwoPercentAMonth() {
        List<CSVRecord> subscriptions = data.get("subscription");
        int monthsWithEnds = 0;
        long ends = 0;
        long running = 0;
        int months = 0;
        for (LocalDate m = FROM.withDayOfMonth(1); m.plusMonths(1).isBefore(TO); m = m.plusMonths(1), months++) {
            LocalDate s = m;
            long ending = subscriptions.stream().map(r -> r.get("end_date")).filter(e -> !e.isEmpty())
                    .map(LocalDate::parse).filter(e -> !e.isBefore(s) && e.isBefore(s.plusMonths(1))).count();
            monthsWithEnds += ending > 0 ? 1 : 0;
            ends += ending;
            running += subscriptions.stream().filter(r -> LocalDate.parse(r.get("start_date")).isBefore(s)
                    && (r.get("end_date").isEmpty() || !LocalDate.parse(r.get("end_date")).isBefore(s))).count();
        }
        assertThat(months).isEqualTo(15);
        assertThat(monthsWithEnds).as("months of 2025-08 … 2026-10 in which subscriptions end").isGreaterThanOrEqualTo(13);
        assertThat(ends / (double) running).as("subscriptions ending per subscription and month").isBetween(0.01, 0.02);
        for (CSVRecord r : rows("subscription", r -> !r.get("end_date").isEmpty())) {
            assertThat(time(r.get("cancelled_at")).toLocalDate()).as(r.get("id") + " notice")
                    .isBefore(LocalDate.parse(r.get("end_date")));
        }
    }

    @Test
    void openDealsExpectADecisionSomeAreOverdueAndSomeNobodyHasWorkedForTwoMonths() {
        LocalDateTime end = TO.plusDays(1).atStartOfDay();
        LocalDateTime quiet = end.minusDays(60);
        Set<String> workedLeads = new HashSet<>();
        rows("funnel_event", r -> !time(r.get("occurred_at")).isBefore(quiet)).forEach(r -> workedLeads.add(r.get("lead_id")));
        rows("activity", r -> !time(r.get("occurred_at")).isBefore(quiet)).forEach(r -> workedLeads.add(r.get("lead_id")));
        List<CSVRecord> open = rows("deal", r -> r.get("status").equals("OPEN"));
        assertThat(open).hasSizeGreaterThan(50).allSatisfy(r -> assertThat(LocalDate.parse(r.get("expected_close_date")))
                .as(r.get("id")).isAfter(time(r.get("created_at")).toLocalDate()));
        double overdue = share(open, r -> LocalDate.parse(r.get("expected_close_date")).isBefore(TO));
        assertThat(overdue).isBetween(0.05, 0.40);
        double openValue = open.stream().mapToDouble(r -> Double.parseDouble(r.get("amount"))).sum();
        double staleValue = open.stream().filter(r -> time(r.get("created_at")).isBefore(quiet)
                && !workedLeads.contains(r.get("lead_id"))).mapToDouble(r -> Double.parseDouble(r.get("amount"))).sum();
        assertThat(staleValue / openValue).as("share of open pipeline value that is stale").isBetween(0.05, 0.30);
    }

    @Test
    void fairsEventsAndAgencyWorkAreCostsOfTheCampaignsRunningThatMonth() {
        Map<String, CSVRecord> campaigns = byId("campaign");
        List<CSVRecord> costs = data.get("cost_entry");
        List<CSVRecord> ofCampaigns = rows("cost_entry", r -> !r.get("campaign_id").isEmpty());
        for (CSVRecord r : ofCampaigns) {
            CSVRecord campaign = campaigns.get(r.get("campaign_id"));
            LocalDate month = LocalDate.parse(r.get("month"));
            LocalDate campaignEnd = campaign.get("end_date").isEmpty() ? TO : LocalDate.parse(campaign.get("end_date"));
            String what = r.get("month") + " " + r.get("campaign_id");
            assertThat(r.get("category")).as(what).isEqualTo("MARKETING");
            assertThat(r.get("channel_code")).as(what).isEqualTo(campaign.get("channel_code"));
            assertThat(LocalDate.parse(campaign.get("start_date"))).as(what).isBefore(month.plusMonths(1));
            assertThat(campaignEnd).as(what).isAfterOrEqualTo(month);
        }
        assertThat(ofCampaigns).extracting(r -> r.get("channel_code")).contains("TRADE_FAIR", "EVENT", "LINKEDIN",
                "PAID_SEARCH");
        assertThat(rows("cost_entry", r -> Set.of("TRADE_FAIR", "EVENT").contains(r.get("channel_code"))))
                .isNotEmpty().allMatch(r -> !r.get("campaign_id").isEmpty());
        assertThat(rows("cost_entry", r -> r.get("channel_code").isEmpty())).allMatch(r -> r.get("campaign_id").isEmpty());
        // keys that differ only by campaign: the agency's share for a campaign beside the rest of the channel's cost
        Set<String> general = new HashSet<>();
        rows("cost_entry", r -> r.get("campaign_id").isEmpty())
                .forEach(r -> general.add(r.get("month") + r.get("category") + r.get("channel_code")));
        assertThat(ofCampaigns).anyMatch(r -> general.contains(r.get("month") + r.get("category") + r.get("channel_code")));
        for (LocalDate m = FROM.withDayOfMonth(1); m.isBefore(TO); m = m.plusMonths(1)) {
            String month = m.toString();
            double marketing = costs.stream().filter(r -> r.get("month").equals(month) && r.get("category").equals("MARKETING"))
                    .mapToDouble(r -> Double.parseDouble(r.get("amount"))).sum();
            double sales = costs.stream().filter(r -> r.get("month").equals(month) && r.get("category").equals("SALES"))
                    .mapToDouble(r -> Double.parseDouble(r.get("amount"))).sum();
            assertThat(marketing).as("marketing cost entries of " + month).isBetween(25_000.0, 65_000.0);
            assertThat(sales).as("sales cost of " + month).isBetween(52_000.0, 64_000.0);
        }
    }

    @Test
    void eachLeadMovesThroughTheFunnelInOrder() {
        Map<String, LocalDateTime> created = new HashMap<>();
        data.get("lead").forEach(r -> created.put(r.get("id"), time(r.get("created_at"))));
        Map<String, Map<String, LocalDateTime>> stages = new HashMap<>();
        for (CSVRecord r : data.get("funnel_event")) {
            stages.computeIfAbsent(r.get("lead_id"), k -> new HashMap<>()).put(r.get("stage"), time(r.get("occurred_at")));
        }
        List<String> order = CanonicalModel.STAGES;
        stages.forEach((lead, entered) -> {
            LocalDateTime previous = created.get(lead);
            int last = -1;
            for (int i = 0; i < order.size(); i++) {
                LocalDateTime at = entered.get(order.get(i));
                if (at != null) {
                    assertThat(at).as(lead + " " + order.get(i)).isAfterOrEqualTo(previous);
                    int contractSent = order.indexOf("CONTRACT_SENT");
                    if (i <= contractSent) {
                        assertThat(i).as(lead + " skipped a stage before " + order.get(i)).isEqualTo(last + 1);
                    } else if (order.get(i).equals("WON")) {
                        // LOST and DISQUALIFIED may end the funnel anywhere; a win needs the contract sent
                        assertThat(last).as(lead + " won without a contract sent").isEqualTo(contractSent);
                    }
                    previous = at;
                    last = i;
                }
            }
            long ends = entered.keySet().stream().filter(s -> Set.of("WON", "LOST", "DISQUALIFIED").contains(s)).count();
            assertThat(ends).as(lead).isLessThanOrEqualTo(1);
        });
        for (CSVRecord d : data.get("deal")) {
            boolean closed = !d.get("status").equals("OPEN");
            assertThat(d.get("closed_at").isEmpty()).as(d.get("id")).isEqualTo(!closed);
            assertThat(stages.get(d.get("lead_id"))).containsKey("SQL");
        }
    }

    @Test
    void ratesArePlausible() {
        List<CSVRecord> marketing = rows("email_message", r -> !r.get("kind").equals("SALES"));
        List<CSVRecord> delivered = marketing.stream().filter(r -> r.get("status").equals("DELIVERED")).toList();
        assertThat(share(delivered, r -> !r.get("opened_at").isEmpty())).isBetween(0.15, 0.30);
        assertThat(share(delivered, r -> !r.get("clicked_at").isEmpty())).isBetween(0.015, 0.04);
        assertThat(share(marketing, r -> r.get("status").equals("BOUNCED"))).isBetween(0.005, 0.02);
        assertThat(share(delivered, r -> !r.get("unsubscribed_at").isEmpty())).isBetween(0.0005, 0.005);
        for (CSVRecord r : delivered) {
            if (!r.get("opened_at").isEmpty()) {
                assertThat(time(r.get("opened_at"))).isAfter(time(r.get("sent_at")));
            }
            if (!r.get("clicked_at").isEmpty()) {
                assertThat(time(r.get("clicked_at"))).isAfter(time(r.get("opened_at")));
            }
        }
        List<CSVRecord> sales = rows("email_message", r -> r.get("kind").equals("SALES") && r.get("status").equals("DELIVERED"));
        assertThat(share(sales, r -> !r.get("replied_at").isEmpty())).isBetween(0.05, 0.10);

        double mql = rows("funnel_event", r -> r.get("stage").equals("MQL")).size() / 4000.0;
        assertThat(mql).isBetween(0.35, 0.55);
        List<CSVRecord> feedback = data.get("feedback");
        double nps = 100 * (share(feedback, r -> Integer.parseInt(r.get("score")) >= 9)
                - share(feedback, r -> Integer.parseInt(r.get("score")) <= 6));
        assertThat(nps).isBetween(20.0, 50.0);
        for (CSVRecord r : data.get("web_traffic_daily")) {
            int sessions = Integer.parseInt(r.get("sessions"));
            assertThat(Integer.parseInt(r.get("users"))).isLessThanOrEqualTo(sessions);
            assertThat(Integer.parseInt(r.get("pageviews"))).isGreaterThanOrEqualTo(sessions);
            assertThat(Integer.parseInt(r.get("bounced_sessions"))).isLessThanOrEqualTo(sessions);
        }
        for (CSVRecord r : rows("activity", r -> r.get("type").equals("RESEARCH"))) {
            assertThat(r.get("outcome")).isEmpty();
            assertThat(r.get("duration_minutes")).isNotEmpty();
        }
        assertThat(rows("sales_rep", r -> r.get("active").equals("false"))).hasSize(1);
        assertThat(rows("ad_spend_daily", r -> r.get("campaign_id").isEmpty())).isNotEmpty();
        assertThat(rows("cost_entry", r -> r.get("channel_code").isEmpty() && r.get("category").equals("SALES")))
                .isNotEmpty();
    }

    @Test
    void everyWholeWeekAndMonthHasDataInEveryEventTable() {
        Map<String, String> when = Map.ofEntries(Map.entry("lead", "created_at"), Map.entry("funnel_event", "occurred_at"),
                Map.entry("deal", "created_at"), Map.entry("activity", "occurred_at"),
                Map.entry("email_message", "sent_at"), Map.entry("web_traffic_daily", "date"),
                Map.entry("social_daily", "date"), Map.entry("ad_spend_daily", "date"),
                Map.entry("customer_order", "order_date"), Map.entry("complaint", "opened_at"),
                Map.entry("referral", "created_at"), Map.entry("feedback", "received_at"));
        List<LocalDate> mondays = new ArrayList<>();
        for (LocalDate d = FROM; !d.plusDays(6).isAfter(TO); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == java.time.DayOfWeek.MONDAY) {
                mondays.add(d);
            }
        }
        when.forEach((table, col) -> {
            Set<String> weeks = new HashSet<>();
            Set<String> months = new HashSet<>();
            for (String v : column(table, col)) {
                LocalDate d = LocalDate.parse(v.substring(0, 10));
                weeks.add(d.get(IsoFields.WEEK_BASED_YEAR) + "-" + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                months.add(v.substring(0, 7));
            }
            // deals start with SQL, which a new lead reaches after days: the first fortnight ramps up
            LocalDate firstWeek = table.equals("deal") ? FROM.plusDays(14) : FROM;
            for (LocalDate monday : mondays) {
                if (monday.isBefore(firstWeek)) {
                    continue;
                }
                assertThat(weeks).as(table + " week of " + monday)
                        .contains(monday.get(IsoFields.WEEK_BASED_YEAR) + "-" + monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            }
            for (LocalDate m = FROM.withDayOfMonth(1); !m.isAfter(TO); m = m.plusMonths(1)) {
                assertThat(months).as(table + " month " + m).contains(m.toString().substring(0, 7));
            }
        });
    }

    private static GenerationReport generate(Path target, GeneratorSettings settings) {
        try (CsvSink sink = new CsvSink(target)) {
            return new DemoDataGenerator().generate(settings, sink, Progress.silent("test"));
        }
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    private static Map<String, CSVRecord> byId(String table) {
        Map<String, CSVRecord> rows = new HashMap<>();
        data.get(table).forEach(r -> rows.put(r.get("id"), r));
        return rows;
    }

    private static List<String> column(String table, String column) {
        return data.get(table).stream().map(r -> r.get(column)).toList();
    }

    private static List<CSVRecord> rows(String table, Predicate<CSVRecord> filter) {
        return data.get(table).stream().filter(filter).toList();
    }

    private static double share(List<CSVRecord> rows, Predicate<CSVRecord> filter) {
        return rows.stream().filter(filter).count() / (double) rows.size();
    }

    private static LocalDateTime time(String value) {
        return LocalDateTime.parse(value, TIMESTAMP);
    }
}

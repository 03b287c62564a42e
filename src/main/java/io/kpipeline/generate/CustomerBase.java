package io.kpipeline.generate;

import io.kpipeline.generate.AccountPool.Account;
import io.kpipeline.generate.EmailGenerator.Send;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The customers: an installed base that exists when the period begins, joined by every won
 * deal. Day by day its active customers answer NPS surveys, complain now and then, buy services,
 * trainings and licences as one-off orders, are looked after by their rep and get the newsletter.
 * Every week has at least one complaint and one survey answer, so that weekly reports always have
 * data.
 */
final class CustomerBase {

    /** How many of the installed base began 0, 1, … 7 whole years before the period. */
    private static final double[] INSTALLED_BASE_YEARS_BACK = {26, 21, 17, 13, 9, 6, 5, 3};

    private final Out out;
    private final BusinessCalendar calendar;
    private final Catalog catalog;
    private final Rng rng;
    private final List<Customer> customers = new ArrayList<>();
    private ActivityGenerator activities;
    private EmailGenerator emails;
    private RevenueGenerator revenue;
    private int complaintsThisWeek;
    private int feedbackThisWeek;

    CustomerBase(Out out, BusinessCalendar calendar, Catalog catalog, Rng rng) {
        this.out = out;
        this.calendar = calendar;
        this.catalog = catalog;
        this.rng = rng;
    }

    void connect(ActivityGenerator activityGenerator, EmailGenerator emailGenerator, RevenueGenerator revenueGenerator) {
        this.activities = activityGenerator;
        this.emails = emailGenerator;
        this.revenue = revenueGenerator;
    }

    void add(Customer customer) {
        customers.add(customer);
    }

    /**
     * Customers won before the period: accounts with a running subscription and no deal, begun up
     * to eight years earlier, more of them in recent years (the vendor grew, and older cohorts have
     * lost more customers since).
     */
    void seedInstalledBase(AccountPool accounts, int count) {
        for (int i = 0; i < count; i++) {
            LocalDate start = calendar.from.minusDays(1 + 365L * rng.weighted(INSTALLED_BASE_YEARS_BACK)
                    + rng.between(0, 364));
            LocalDateTime created = BusinessCalendar.workTime(start.minusDays(rng.between(14, 120)), rng);
            Account account = accounts.create(created, null, rng);
            double mrr = switch (account.segment()) {
                case "ENTERPRISE" -> rng.uniform(2800, 7500);
                case "MID" -> rng.uniform(750, 2600);
                default -> rng.uniform(220, 750);
            };
            revenue.subscribe(account.id(), account.segment(), catalog.owner(account.segment(), calendar.from, rng),
                    null, null, start, mrr, rng);
        }
    }

    /** An account that is a customer on {@code d} (one of the installed base if none is). */
    String referrer(LocalDate d, Rng pick) {
        for (int attempt = 0; attempt < 30; attempt++) {
            Customer c = customers.get(pick.between(0, customers.size() - 1));
            if (c.activeOn(d)) {
                return c.accountId();
            }
        }
        return customers.get(0).accountId();
    }

    void day(LocalDate d) {
        if (d.getDayOfWeek() == DayOfWeek.MONDAY) {
            complaintsThisWeek = 0;
            feedbackThisWeek = 0;
        }
        Send newsletter = emails.newsletters().stream().filter(s -> s.at().toLocalDate().equals(d)).findFirst()
                .orElse(null);
        boolean workday = !BusinessCalendar.weekend(d);
        for (Customer c : customers) {
            if (!c.activeOn(d)) {
                continue;
            }
            if (newsletter != null) {
                for (int contact = rng.between(1, 4); contact > 0; contact--) {
                    emails.marketing(null, new Send(newsletter.at().plusSeconds(rng.between(0, 1800)),
                            newsletter.campaignId(), newsletter.kind()), rng);
                }
            }
            if (workday) {
                customerDay(c, d);
            }
        }
        if (d.getDayOfWeek() == DayOfWeek.FRIDAY || d.equals(calendar.to)) {
            Customer c = activeCustomer(d);
            if (complaintsThisWeek == 0 && c != null) {
                complaint(c, d);
            }
            if (feedbackThisWeek == 0 && c != null) {
                feedback(c, d);
            }
        }
    }

    private void customerDay(Customer c, LocalDate d) {
        if (rng.chance(1 / 110.0)) {
            feedback(c, d);
        }
        if (rng.chance(1 / 450.0)) {
            complaint(c, d);
        }
        if (rng.chance(1 / 22.0)) {
            activities.accountCare(c.accountId(), c.rep(), BusinessCalendar.workTime(d, rng), rng);
        }
        if (rng.chance(1 / 300.0)) {
            double factor = c.segment().equals("ENTERPRISE") ? 3 : c.segment().equals("MID") ? 1.8 : 1;
            revenue.order(out.nextId(Tables.CUSTOMER_ORDER, "ORD-S", 6), null, c.accountId(), null, null, d,
                    Out.money(Math.round(rng.uniform(500, 3500) * factor / 10) * 10.0), 0.04,
                    rng.chance(0.1) ? "TREUE10" : null, rng);
        }
    }

    private Customer activeCustomer(LocalDate d) {
        for (int attempt = 0; attempt < 50; attempt++) {
            Customer c = customers.get(rng.between(0, customers.size() - 1));
            if (c.activeOn(d)) {
                return c;
            }
        }
        return customers.stream().filter(c -> c.activeOn(d)).findFirst().orElse(null);
    }

    private void complaint(Customer c, LocalDate d) {
        String order = rng.chance(0.8) ? c.recentOrder(d, rng) : null;
        LocalDateTime at = BusinessCalendar.workTime(d, rng);
        if (!calendar.inPeriod(at)) {
            at = d.atTime(12, 0);
        }
        out.row(Tables.COMPLAINT, out.nextId(Tables.COMPLAINT, "CPL-", 6), c.accountId(), order,
                rng.chance(0.78) ? "COMPLAINT" : "WARRANTY", at);
        complaintsThisWeek++;
    }

    private void feedback(Customer c, LocalDate d) {
        int score = Feedback.score(rng);
        LocalDateTime at = d.atTime(7, 0).plusSeconds(rng.between(0, 14 * 3600));
        out.row(Tables.FEEDBACK, out.nextId(Tables.FEEDBACK, "FB-", 6), c.accountId(), at, score,
                rng.chance(0.35) ? Feedback.comment(score, rng) : null);
        feedbackThisWeek++;
    }
}

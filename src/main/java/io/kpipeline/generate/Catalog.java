package io.kpipeline.generate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The small dimension tables: channels, sales reps and campaigns, held in memory for the whole
 * run because every lead refers to them.
 */
final class Catalog {

    record Channel(String code, String name, String category) {
        boolean online() {
            return category.equals("ONLINE");
        }
    }

    /** A sales rep; one left the company on {@code leftOn} and is inactive. */
    record Rep(String id, String name, String email, String team, LocalDate leftOn) {
        boolean fieldSales() {
            return team.equals(FIELD_SALES);
        }
    }

    /** A campaign; an always-on one (newsletter, nurturing) runs through the whole period. */
    record Campaign(String id, String name, String channel, LocalDate start, LocalDate end, BigDecimal budget,
            double dailySpend, boolean alwaysOn) {
        boolean runsOn(LocalDate d) {
            return !d.isBefore(start) && (end == null || !d.isAfter(end));
        }

        /** Days of the calendar month beginning on {@code month} on which the campaign runs. */
        int daysIn(LocalDate month) {
            LocalDate first = start.isAfter(month) ? start : month;
            LocalDate last = month.plusMonths(1).minusDays(1);
            if (end != null && end.isBefore(last)) {
                last = end;
            }
            return last.isBefore(first) ? 0 : (int) ChronoUnit.DAYS.between(first, last) + 1;
        }

        /** Running, or ended at most {@code afterDays} ago (leads still come in after a fair). */
        boolean attracts(LocalDate d, int afterDays) {
            return !d.isBefore(start) && (end == null || !d.isAfter(end.plusDays(afterDays)));
        }
    }

    static final String INSIDE_SALES = "Inside Sales";
    static final String FIELD_SALES = "Außendienst";

    static final List<Channel> CHANNELS = List.of(
            new Channel("EMAIL", "E-Mail", "ONLINE"),
            new Channel("PHONE", "Telefon", "OFFLINE"),
            new Channel("LINKEDIN", "LinkedIn", "ONLINE"),
            new Channel("XING", "XING", "ONLINE"),
            new Channel("WEBSITE", "Website", "ONLINE"),
            new Channel("PAID_SEARCH", "Suchmaschinenwerbung", "ONLINE"),
            new Channel("SOCIAL", "Social Media", "ONLINE"),
            new Channel("TRADE_FAIR", "Messe", "OFFLINE"),
            new Channel("REFERRAL", "Empfehlung", "OFFLINE"),
            new Channel("NEWSLETTER", "Newsletter", "ONLINE"),
            new Channel("EVENT", "Veranstaltung", "OFFLINE"));

    /** Campaign templates: channel, name, length in days (0: the whole period), monthly budget. */
    private record Template(String channel, String name, int days, double monthlyBudget, boolean paid) {
    }

    private static final List<Template> TEMPLATES = List.of(
            new Template("NEWSLETTER", "Monatlicher Kunden-Newsletter", 0, 450, false),
            new Template("EMAIL", "Lead-Nurturing-Strecke", 0, 600, false),
            new Template("EMAIL", "Produkt-News & Webinar-Einladungen", 0, 300, false),
            new Template("PAID_SEARCH", "Google Ads ERP-Cloud", 120, 4200, true),
            new Template("LINKEDIN", "LinkedIn Lead-Gen Entscheider", 70, 3000, true),
            new Template("EMAIL", "Webinar-Reihe Digitalisierung im Mittelstand", 45, 1200, false),
            new Template("TRADE_FAIR", "Messeauftritt Fachmesse Digitalisierung", 3, 0, false),
            new Template("XING", "XING-Kampagne DACH-Mittelstand", 60, 1800, true),
            new Template("PAID_SEARCH", "Google Ads CRM & Vertrieb", 120, 3600, true),
            new Template("EVENT", "Anwendertreffen & Roadshow", 2, 0, false),
            new Template("SOCIAL", "Social Ads Markenbekanntheit", 45, 1500, true),
            new Template("EMAIL", "Jahresend-Aktion Lizenzupgrade", 35, 900, false),
            new Template("TRADE_FAIR", "Messeauftritt Branchentreff Industrie", 3, 0, false));

    final List<Rep> reps;
    final List<Campaign> campaigns;

    private Catalog(List<Rep> reps, List<Campaign> campaigns) {
        this.reps = reps;
        this.campaigns = campaigns;
    }

    static Catalog create(BusinessCalendar calendar, double scale) {
        long days = ChronoUnit.DAYS.between(calendar.from, calendar.to) + 1;
        LocalDate left = calendar.from.plusDays(Math.max(1, days * 35 / 100));
        List<Rep> reps = List.of(
                rep(1, "Anna Schmidt", INSIDE_SALES, null),
                rep(2, "Lukas Weber", INSIDE_SALES, null),
                rep(3, "Sophie Wagner", INSIDE_SALES, null),
                rep(4, "Jonas Becker", INSIDE_SALES, left),
                rep(5, "Michael Hoffmann", FIELD_SALES, null),
                rep(6, "Julia Schäfer", FIELD_SALES, null),
                rep(7, "Thomas Koch", FIELD_SALES, null));
        return new Catalog(reps, campaigns(calendar, days, scale));
    }

    private static List<Campaign> campaigns(BusinessCalendar calendar, long days, double scale) {
        List<Campaign> result = new ArrayList<>();
        int staggered = (int) TEMPLATES.stream().filter(t -> t.days() > 0).count();
        int slot = 0;
        for (int i = 0; i < TEMPLATES.size(); i++) {
            Template t = TEMPLATES.get(i);
            LocalDate start = calendar.from;
            LocalDate end = null;
            if (t.days() > 0) {
                start = calendar.from.plusDays(slot++ * days / staggered + days / (staggered * 3L));
                start = BusinessCalendar.nextWorkday(start.isAfter(calendar.to) ? calendar.to : start);
                end = start.plusDays(t.days() - 1);
                if (end.isAfter(calendar.to)) {
                    end = null;
                }
            }
            long length = (end == null ? ChronoUnit.DAYS.between(start, calendar.to) : t.days() - 1) + 1;
            double budget = t.monthlyBudget() * Math.max(1, length) / 30.4 * scale;
            if (t.channel().equals("TRADE_FAIR")) {
                budget = 24000 * scale;
            } else if (t.channel().equals("EVENT")) {
                budget = 9000 * scale;
            }
            String name = t.days() > 0 ? t.name() + " " + season(start) : t.name();
            result.add(new Campaign(Out.id("CMP-", i + 1, 2), name, t.channel(), start, end, Out.money(budget),
                    t.paid() ? t.monthlyBudget() * scale / 30.4 : 0, t.days() == 0));
        }
        return List.copyOf(result);
    }

    private static String season(LocalDate d) {
        String name = switch (d.getMonth()) {
            case MARCH, APRIL, MAY -> "Frühjahr";
            case JUNE, JULY, AUGUST -> "Sommer";
            case SEPTEMBER, OCTOBER, NOVEMBER -> "Herbst";
            default -> "Winter";
        };
        return name + " " + d.getYear();
    }

    private static Rep rep(int number, String name, String team, LocalDate leftOn) {
        String email = name.toLowerCase().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("ß", "ss").replace(' ', '.') + "@example.com";
        return new Rep(Out.id("REP-", number, 2), name, email, team, leftOn);
    }

    void write(Out out) {
        for (Channel c : CHANNELS) {
            out.row(Tables.CHANNEL, c.code(), c.name(), c.category());
        }
        for (Rep r : reps) {
            out.row(Tables.SALES_REP, r.id(), r.name(), r.email(), r.team(), r.leftOn() == null);
        }
        for (Campaign c : campaigns) {
            out.row(Tables.CAMPAIGN, c.id(), c.name(), c.channel(), c.start(), c.end(), c.budget());
        }
    }

    /** The rep who owns a new lead: inside sales for small accounts, field sales for larger ones. */
    Rep owner(String segment, LocalDate day, Rng rng) {
        boolean field = segment != null && !segment.equals("SMB") && rng.chance(0.85);
        List<Rep> candidates = reps.stream()
                .filter(r -> r.fieldSales() == field && (r.leftOn() == null || day.isBefore(r.leftOn())))
                .toList();
        return rng.pick(candidates);
    }

    /** Who acts for {@code owner} at {@code t}: the owner, or a team mate once the owner has left. */
    Rep actor(Rep owner, LocalDateTime t) {
        if (owner.leftOn() == null || t.toLocalDate().isBefore(owner.leftOn())) {
            return owner;
        }
        return reps.stream().filter(r -> r.team().equals(owner.team()) && r.leftOn() == null).findFirst()
                .orElseThrow();
    }

    Campaign campaign(String id) {
        return campaigns.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    static Channel channel(String code) {
        return CHANNELS.stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }
}

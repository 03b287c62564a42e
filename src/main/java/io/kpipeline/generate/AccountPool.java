package io.kpipeline.generate;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The companies leads belong to. New accounts are written the moment a lead first needs them
 * (so an account is never younger than its first lead); later leads may come from an account
 * already known. Only id and segment are kept in memory.
 */
final class AccountPool {

    record Account(String id, String segment) {
    }

    private static final List<String> NAMES = List.of("Müller", "Schneider", "Fischer", "Meyer", "Wagner",
            "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz",
            "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Werner", "Krause", "Lehmann",
            "Köhler", "Maier", "Huber", "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung",
            "Hahn", "Vogel", "Keller", "Gruber", "Brunner", "Steiner", "Moser", "Baumann", "Frei", "Gerber",
            "Alpen", "Nordwerk", "Rheintal", "Isar", "Bodensee", "Donau", "Elbe", "Spree", "Main", "Neckar");
    private static final List<String> INDUSTRIES = List.of("Maschinenbau", "Logistik", "Großhandel",
            "Bauwesen", "Automobilzulieferer", "Medizintechnik", "Elektrotechnik", "Lebensmittel", "Chemie",
            "IT-Dienstleistungen", "Steuerberatung", "Metallverarbeitung", "Energie", "Einzelhandel");
    private static final List<String> SUFFIXES = List.of("", " Systeme", " Technik", " Gruppe", " & Söhne",
            " Service", " Werke", " Partner");
    private static final double[] SEGMENT_WEIGHTS = {0.55, 0.35, 0.10};
    private static final String[] SEGMENTS = {"SMB", "MID", "ENTERPRISE"};

    private final Out out;
    private final BusinessCalendar calendar;
    private final List<Account> accounts = new ArrayList<>();

    AccountPool(Out out, BusinessCalendar calendar) {
        this.out = out;
        this.calendar = calendar;
    }

    /** The account of a new lead: a known one with probability {@code reuse}, else a new one. */
    Account forLead(LocalDateTime leadCreated, double reuse, Rng rng) {
        if (!accounts.isEmpty() && rng.chance(reuse)) {
            return accounts.get(rng.between(0, accounts.size() - 1));
        }
        LocalDateTime created = leadCreated.minusMinutes(rng.between(1, 240));
        return create(created.isBefore(calendar.start) ? calendar.start : created, null, rng);
    }

    /** Writes a new account; {@code segment} null draws one. */
    Account create(LocalDateTime created, String segment, Rng rng) {
        String chosen = segment != null ? segment : SEGMENTS[rng.weighted(SEGMENT_WEIGHTS)];
        String id = out.nextId(Tables.ACCOUNT, "ACC-", 6);
        double c = rng.uniform(0, 1);
        String country = c < 0.74 ? "DE" : c < 0.89 ? "AT" : "CH";
        String form = switch (country) {
            case "CH" -> " AG";
            case "AT" -> chosen.equals("ENTERPRISE") ? " AG" : " GmbH";
            default -> chosen.equals("ENTERPRISE") ? (rng.chance(0.5) ? " SE" : " AG")
                    : rng.chance(0.15) ? " GmbH & Co. KG" : " GmbH";
        };
        String industry = rng.pick(INDUSTRIES);
        String name = rng.pick(NAMES) + " " + industry + rng.pick(SUFFIXES) + form;
        out.row(Tables.ACCOUNT, id, name, industry, chosen, country, created);
        Account account = new Account(id, chosen);
        accounts.add(account);
        return account;
    }

    Account any(Rng rng) {
        return accounts.get(rng.between(0, accounts.size() - 1));
    }
}

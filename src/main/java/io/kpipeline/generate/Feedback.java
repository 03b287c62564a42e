package io.kpipeline.generate;

import java.util.List;

/** NPS answers: about half promoters and a fifth detractors (NPS around 30–35), with German comments. */
final class Feedback {

    private static final double[] SCORE_WEIGHTS = {0.005, 0.005, 0.01, 0.02, 0.03, 0.05, 0.07, 0.12, 0.17, 0.24,
        0.28};
    private static final List<String> PROMOTER = List.of("Sehr zufrieden mit Produkt und Support.",
            "Schnelle Einführung, kompetente Ansprechpartner.", "Würden wir jederzeit wieder wählen.",
            "Der Support reagiert schnell und lösungsorientiert.");
    private static final List<String> PASSIVE = List.of("Im Großen und Ganzen zufrieden.",
            "Gutes Produkt, die Schulungsunterlagen könnten besser sein.", "Preis-Leistung passt, mehr Berichte wären gut.");
    private static final List<String> DETRACTOR = List.of("Einführung hat deutlich länger gedauert als geplant.",
            "Support-Tickets bleiben zu lange offen.", "Zu teuer für den Funktionsumfang.",
            "Schnittstelle zur Buchhaltung macht immer wieder Probleme.");

    private Feedback() {
    }

    static int score(Rng rng) {
        return rng.weighted(SCORE_WEIGHTS);
    }

    static String comment(int score, Rng rng) {
        return rng.pick(score >= 9 ? PROMOTER : score >= 7 ? PASSIVE : DETRACTOR);
    }
}

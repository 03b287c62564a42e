package io.kpipeline.kpi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * What a calculator's stored values were computed with, as a SHA-256 of everything in {@code config/} that
 * changes a computed value: the settings of the KPI definitions ({@code kpi.settings.*}), which of its KPIs
 * the catalog enables, whether its source tables were empty, and the calculation's revision (the release).
 * Targets, benchmarks, measures and report settings change evaluations and reports, not values: the values
 * stay valid when they change.
 */
@Component
class KpiFingerprint {

    /**
     * Raised whenever a calculator's arithmetic changes within a release, so that stored values of the old
     * arithmetic are computed again.
     */
    static final int CALCULATION_REVISION = 1;

    private final String common;

    KpiFingerprint(KpiSettings settings) {
        String release = KpiFingerprint.class.getPackage().getImplementationVersion();
        this.common = "revision=" + CALCULATION_REVISION + "/" + (release == null ? "development" : release)
                + "\ngrossMargin=" + settings.margin().map(m -> m.stripTrailingZeros().toPlainString()).orElse("")
                + "\nclvMaxMonths=" + settings.clvMaxMonths()
                + "\nstaleAfterDays=" + settings.staleAfterDays()
                + "\nwebLeadChannels=" + settings.webLeadChannels()
                + "\nstageProbabilities=" + new TreeMap<>(settings.stageProbabilities()).entrySet().stream()
                        .map(e -> e.getKey() + ":" + e.getValue().stripTrailingZeros().toPlainString()).toList()
                + "\nminClosedForProbability=" + settings.minClosedForProbability()
                + "\nsmallSample=" + settings.smallSample();
    }

    /** The fingerprint of {@code calculator}'s values with {@code enabled} of its KPIs. */
    String of(KpiCalculator calculator, Set<String> enabled, boolean nothingImported) {
        String text = common + "\ncalculator=" + name(calculator) + "\nenabled=" + new java.util.TreeSet<>(enabled)
                + "\nnothingImported=" + nothingImported;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The calculator's name as stored with its computations: its class's simple name. */
    static String name(KpiCalculator calculator) {
        String name = calculator.getClass().getSimpleName();
        int proxy = name.indexOf("$$");
        return proxy < 0 ? name : name.substring(0, proxy);
    }
}

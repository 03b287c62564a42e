package io.kpipeline.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.evaluation.Benchmarks.Benchmark;
import io.kpipeline.evaluation.Targets.Basis;
import io.kpipeline.period.PeriodKind;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndustryBenchmarksTests {

    private static final String MAILCHIMP = "Mailchimp Email Marketing Benchmarks (updated October 2019)";
    private static final String CAMPAIGN_MONITOR = "Campaign Monitor Email Benchmarks";

    private final Benchmarks file = new Benchmarks(List.of(
            row("email_open_rate", "0.2271", Basis.ANY, null, MAILCHIMP),
            row("email_open_rate", "0.1929", Basis.ANY, "Computers and Electronics", MAILCHIMP),
            row("email_open_rate", "0.2013", Basis.ANY, "Consulting", MAILCHIMP),
            row("email_open_rate", "0.215", Basis.ANY, null, CAMPAIGN_MONITOR),
            row("email_open_rate", "0.227", Basis.ANY, "IT/Tech/Software", CAMPAIGN_MONITOR),
            row("churn_rate", "0.0491", Basis.MONTH, null, "Recurly Research")));

    @Test
    void eachSourceGivesItsValueForTheCompanysIndustryElseItsGeneralValue() {
        var benchmarks = new IndustryBenchmarks(file, new BenchmarkSettings(List.of("computers and electronics")));

        // Mailchimp has the industry (matched whatever the case), Campaign Monitor only its general value
        assertThat(benchmarks.applicable("email_open_rate", PeriodKind.MONTH)).extracting(Benchmark::value)
                .containsExactly(new BigDecimal("0.1929"), new BigDecimal("0.215"));
        // the status is judged against the first source of the file
        assertThat(benchmarks.find("email_open_rate", PeriodKind.WEEK)).get().extracting(Benchmark::value)
                .isEqualTo(new BigDecimal("0.1929"));
    }

    @Test
    void withoutAnIndustryEverySourceGivesItsGeneralValue() {
        var benchmarks = new IndustryBenchmarks(file, new BenchmarkSettings(List.of()));

        assertThat(benchmarks.applicable("email_open_rate", PeriodKind.MONTH)).extracting(Benchmark::value)
                .containsExactly(new BigDecimal("0.2271"), new BigDecimal("0.215"));
    }

    @Test
    void anIndustryPerSourcePicksEachSourcesOwnName() {
        var benchmarks = new IndustryBenchmarks(file,
                new BenchmarkSettings(List.of("Consulting", "IT/Tech/Software")));

        assertThat(benchmarks.applicable("email_open_rate", PeriodKind.YEAR)).extracting(Benchmark::value)
                .containsExactly(new BigDecimal("0.2013"), new BigDecimal("0.227"));
        assertThat(benchmarks.knownIndustries()).containsExactly("Computers and Electronics", "Consulting",
                "IT/Tech/Software");
    }

    @Test
    void aBenchmarkMeantForAnotherPeriodKindDoesNotApply() {
        var benchmarks = new IndustryBenchmarks(file, new BenchmarkSettings(List.of()));

        assertThat(benchmarks.find("churn_rate", PeriodKind.MONTH)).isPresent();
        assertThat(benchmarks.find("churn_rate", PeriodKind.WEEK)).isEmpty();
        assertThat(benchmarks.applicable("churn_rate", PeriodKind.QUARTER)).isEmpty();
    }

    private static Benchmark row(String kpi, String value, Basis basis, String industry, String source) {
        return new Benchmark(kpi, new BigDecimal(value), basis, industry, "scope", source, 2019, null);
    }
}

package io.kpipeline.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.kpi.KpiDefinition.Text;
import io.kpipeline.model.CanonicalModel;
import io.kpipeline.model.Column;
import io.kpipeline.model.Table;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/**
 * The glossaries print each KPI's plain definition to a managing director: it names no table, column
 * or code of the data model (the technical definition does that, for controllers), and no text of
 * the shipped catalog is blank.
 */
class KpiCatalogTextsTests {

    /** Identifiers with an underscore: tables, columns, codes and KPI ids, e.g. web_traffic_daily, created_at. */
    private static final Pattern IDENTIFIER = Pattern.compile("\\b[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+\\b");
    private static final Pattern BACKTICKED = Pattern.compile("`[^`]*`");
    private static final Pattern UPPER_CASE_WORD = Pattern.compile("\\b[A-Z][A-Z0-9_]*\\b");
    /** A table or column name in parentheses after its description: "Sitzungen (sessions)". */
    private static final Pattern PARENTHESIZED = Pattern.compile("\\(([a-z_]+)\\)");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s+\\p{Lu}|$)");

    /** Funnel stages that are also the business's own words (MQL, SAL, SQL), so plain texts may use them. */
    private static final Set<String> BUSINESS_TERMS = Set.of("MQL", "SAL", "SQL");
    /** The data model's example channel codes and the implicit first funnel stage. */
    private static final List<String> OTHER_CODES = List.of("LEAD", "EMAIL", "PHONE", "LINKEDIN", "XING", "WEBSITE",
            "PAID_SEARCH", "SOCIAL", "TRADE_FAIR", "REFERRAL", "NEWSLETTER", "EVENT");

    private static final Set<String> MODEL_NAMES = modelNames();
    private static final Set<String> CODES = codes();

    @Test
    void aNameIsPluralInTheLanguagesTheCatalogSays() throws IOException {
        KpiCatalog catalog = catalog();
        // "Neukunden stiegen", "New customers rose"; "Umsatzanteil Neukunden stieg": the head noun decides
        assertThat(catalog.get("new_customers").pluralIn(java.util.Locale.GERMAN)).isTrue();
        assertThat(catalog.get("new_customers").pluralIn(java.util.Locale.ENGLISH)).isTrue();
        assertThat(catalog.get("new_customer_revenue_share").pluralIn(java.util.Locale.GERMAN)).isFalse();
        // Kosten are plural in German, a cost is not in English
        assertThat(catalog.get("cac").pluralIn(java.util.Locale.GERMAN)).isTrue();
        assertThat(catalog.get("cac").pluralIn(java.util.Locale.ENGLISH)).isFalse();
    }

    @Test
    void everyNameAndDefinitionHasAGermanAndAnEnglishText() throws IOException {
        List<String> blank = new ArrayList<>();
        for (KpiDefinition kpi : catalog().kpis()) {
            Map<String, Text> texts = texts(kpi);
            texts.forEach((field, text) -> {
                if (text == null || isBlank(text.de()) || isBlank(text.en())) {
                    blank.add(kpi.id() + "." + field);
                }
            });
        }
        assertThat(blank).as("blank texts in config/kpis.yml").isEmpty();
    }

    @Test
    void plainDefinitionsNameNoTableColumnOrCodeOfTheDataModel() throws IOException {
        List<String> problems = new ArrayList<>();
        for (KpiDefinition kpi : catalog().kpis()) {
            check(kpi.id() + ".definition.de", kpi.definition().de(), problems);
            check(kpi.id() + ".definition.en", kpi.definition().en(), problems);
        }
        assertThat(problems).as("plain definitions in config/kpis.yml speak to a managing director; move these "
                + "terms to technical").isEmpty();
    }

    @Test
    void plainDefinitionsTakeOneToThreeSentences() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (KpiDefinition kpi : catalog().kpis()) {
            if (sentences(kpi.definition().de()) > 3) {
                tooLong.add(kpi.id() + ".definition.de");
            }
            if (sentences(kpi.definition().en()) > 3) {
                tooLong.add(kpi.id() + ".definition.en");
            }
        }
        assertThat(tooLong).as("plain definitions longer than three sentences").isEmpty();
    }

    @Test
    void theCheckRefusesTheTechnicalWordingOfVersionOne() {
        List<String> problems = new ArrayList<>();
        check("web_sessions", "Summe der Sitzungen (sessions) aus web_traffic_daily im Zeitraum.", problems);
        check("revenue", "Summe der Nettobeträge der gebuchten Bestellungen (status BOOKED) im Zeitraum.", problems);
        check("romi", "Marketingkosten aus `ad_spend_daily` und MARKETING-Kosteneinträgen.", problems);
        check("conv", "Im Zeitraum in FIRST_MEETING eingetretene Leads / Eintritte in SQL.", problems);
        assertThat(problems).containsExactly(
                "web_sessions: column sessions", "web_sessions: identifier web_traffic_daily",
                "revenue: code BOOKED",
                "romi: backticked `ad_spend_daily`", "romi: identifier ad_spend_daily", "romi: code MARKETING",
                "conv: identifier FIRST_MEETING", "conv: code FIRST_MEETING");
    }

    /** Adds a problem for every technical term in a plain text; MQL, SAL and SQL are business words. */
    static void check(String where, String text, List<String> problems) {
        Matcher parenthesized = PARENTHESIZED.matcher(text);
        while (parenthesized.find()) {
            if (MODEL_NAMES.contains(parenthesized.group(1))) {
                problems.add(where + ": column " + parenthesized.group(1));
            }
        }
        BACKTICKED.matcher(text).results().forEach(m -> problems.add(where + ": backticked " + m.group()));
        IDENTIFIER.matcher(text).results().forEach(m -> problems.add(where + ": identifier " + m.group()));
        UPPER_CASE_WORD.matcher(text).results().map(m -> m.group())
                .filter(word -> CODES.contains(word) && !BUSINESS_TERMS.contains(word))
                .forEach(word -> problems.add(where + ": code " + word));
    }

    private static int sentences(String text) {
        return (int) SENTENCE_END.matcher(text.strip()).results().count();
    }

    static KpiCatalog catalog() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("config/kpis.yml", new FileSystemResource("config/kpis.yml"))
                .forEach(environment.getPropertySources()::addFirst);
        return Binder.get(environment).bind("kpi-catalog", KpiCatalog.class).get();
    }

    private static Map<String, Text> texts(KpiDefinition kpi) {
        Map<String, Text> texts = new LinkedHashMap<>();
        texts.put("name", kpi.name());
        texts.put("definition", kpi.definition());
        texts.put("technical", kpi.technical());
        return texts;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static Set<String> modelNames() {
        Set<String> names = new TreeSet<>();
        for (Table table : CanonicalModel.tables()) {
            names.add(table.name());
            names.addAll(table.columnNames());
        }
        return names;
    }

    private static Set<String> codes() {
        Set<String> codes = new TreeSet<>(OTHER_CODES);
        codes.addAll(CanonicalModel.STAGES);
        codes.addAll(CanonicalModel.ACTIVITY_TYPES);
        CanonicalModel.tables().stream().map(Table::columns).flatMap(List::stream).map(Column::codes)
                .flatMap(List::stream).forEach(codes::add);
        return codes;
    }
}

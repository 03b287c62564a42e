package io.kpipeline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The German and English report texts have the same keys, so no report prints a key instead of a text. */
class ReportTextsTests {

    @Test
    void germanAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("en").stringPropertyNames()).isEqualTo(load("de").stringPropertyNames());
    }

    private static Properties load(String language) throws IOException {
        String resource = "reports/i18n/ReportTexts_" + language + ".properties";
        try (InputStream in = ReportTextsTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}

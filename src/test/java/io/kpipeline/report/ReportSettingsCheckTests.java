package io.kpipeline.report;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.system.KpiException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.StandardEnvironment;

/** The reports' settings that binding alone cannot check stop start-up naming the setting. */
@SpringBootTest(classes = io.kpipeline.SettingsOnly.class)
class ReportSettingsCheckTests {

    @Autowired
    KpiCatalog catalog;
    @Autowired
    ReportSettings settings;
    @Autowired
    ReviewReportSettings review;

    @Test
    void aFocusKpiOutsideTheCatalogStopsStartUpNamingTheSetting() {
        var wrong = new ReportSettings("de", new ReportSettings.Weekly(List.of("leads_created", "lead_count"),
                "weekly-report.pdf"), settings.review());
        var check = new ReportSettingsCheck(wrong, review, catalog, new StandardEnvironment());
        assertThatThrownBy(check::afterPropertiesSet).isInstanceOf(KpiException.class)
                .hasMessageContaining("kpi.reports.weekly.focus[1] = lead_count is not a KPI of config/kpis.yml");
    }

    @Test
    void aMinimumOfWeeksAboveTheWeeksReadStopsStartUpNamingBothSettings() {
        var wrong = new ReviewReportSettings("review-report.pdf", 13, 20, 0.95, 60, 0.6, 0.3);
        var check = new ReportSettingsCheck(settings, wrong, catalog, new StandardEnvironment());
        assertThatThrownBy(check::afterPropertiesSet).isInstanceOf(KpiException.class)
                .hasMessageContaining("kpi.reports.review.minimum-weeks = 20")
                .hasMessageContaining("kpi.reports.review.correlation-weeks = 13");
    }
}

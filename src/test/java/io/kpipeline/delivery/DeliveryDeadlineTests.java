package io.kpipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.report.Edition;
import io.kpipeline.report.RenderedPdf;
import io.kpipeline.system.ScriptedSmtpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A server that keeps the conversation alive without ever getting anywhere ends the delivery at its deadline:
 * each greeting line comes within the read timeout (kpi.delivery.timeout), which therefore never fires.
 */
@SpringBootTest(properties = {"kpi.home=target/test-home-deadline", "spring.mail.host=127.0.0.1",
        "spring.quartz.scheduler-name=kpi-pipeline-deadline-tests", "kpi.reports.personal.enabled=false",
        "kpi.reports.weekly.recipients=anna@example.com", "kpi.delivery.admin=admin@example.com",
        "kpi.delivery.deadline=3s", "kpi.delivery.timeout=5s",
        "kpi.delivery.retry.max-attempts=3", "kpi.delivery.retry.delay=20ms", "kpi.delivery.retry.max-delay=50ms"})
class DeliveryDeadlineTests {

    /** A greeting line every half second: ten lines before the read timeout of 5 s could fire. */
    private static final ScriptedSmtpServer SERVER = ScriptedSmtpServer.script().threadPerConnection()
            .trickleGreeting(Duration.ofMillis(500)).start();
    private static final ReportingPeriod WEEK_46 = ReportingPeriod.parse("2026-W46");

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", SERVER::port);
    }

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    @Test
    @Timeout(60)
    void aServerThatTricklesItsGreetingEndsTheDeliveryAtTheDeadlineAndTheAdminIsTried(@Autowired Delivery delivery,
            @Autowired JdbcTemplate jdbc, @TempDir Path out) throws Exception {
        jdbc.update("DELETE FROM delivery");
        Path pdf = Files.writeString(out.resolve("weekly-report.pdf"), "%PDF-1.4\n%%EOF\n");
        Path csv = Files.writeString(out.resolve("kpi-results.csv"), "kpi;value\n");

        long started = System.nanoTime();
        DeliveryReport report = delivery.deliver(Edition.of(ReportKind.WEEKLY, WEEK_46),
                List.of(new RenderedPdf(pdf.toString(), null)), csv, new DeliveryOptions(true, false, true));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // the message's share of the deadline (2.7 s), then the notice's (0.3 s), and no more
        assertThat(took).isBetween(Duration.ofMillis(2_700), Duration.ofMillis(3_700));
        assertThat(report.failed()).isTrue();
        assertThat(report.failure()).startsWith("Delivery failed for anna@example.com (127.0.0.1:" + SERVER.port()
                + " had not taken the message when the delivery deadline of 3 s (kpi.delivery.deadline) passed"
                + " (1 attempt))");
        // the notice to the admin went to the same server, which trickled again, so it could not be sent either
        assertThat(SERVER.connections()).isEqualTo(2);
        assertThat(report.notice()).isEqualTo("The notice to the admin address admin@example.com could not be sent"
                + " either: 127.0.0.1:" + SERVER.port() + " had not taken the message when the delivery deadline"
                + " of 3 s (kpi.delivery.deadline) passed.");
        // the message stays for the next run
        assertThat(jdbc.queryForList("SELECT state FROM delivery WHERE recipient = 'anna@example.com'", String.class))
                .containsExactly("FAILED");
    }
}

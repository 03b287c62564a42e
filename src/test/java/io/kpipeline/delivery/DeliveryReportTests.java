package io.kpipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.delivery.DeliveryReport.Line;
import io.kpipeline.delivery.DeliveryReport.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Without an SMTP server nothing is sent: every line about a delivery to the outbox says "written". */
class DeliveryReportTests {

    private static final List<Line> LINES = List.of(
            new Line("report", "anna@example.com", Result.WRITTEN, "weekly-report.pdf"),
            new Line("report", "ben@example.com", Result.ALREADY_SENT, "weekly-report.pdf"),
            new Line("report", "carl@example.com", Result.STOPPED, null));

    @Test
    void aDeliveryToTheOutboxSaysWrittenInEveryLineAndNeverSent() {
        var outbox = new DeliveryReport(LINES, null, null, "/home/kpi/outbox", null, null);

        assertThat(outbox.printed()).containsExactly(
                "  anna@example.com               report         written to the outbox: weekly-report.pdf",
                "  ben@example.com                report         already delivered: weekly-report.pdf",
                "  carl@example.com               report         not written (stopped)");
        assertThat(outbox.summary()).isEqualTo("Delivery: 1 written to /home/kpi/outbox (no spring.mail.host is set),"
                + " 1 already delivered, 0 held, 0 failed, 1 not written (stopped).");
        assertThat(outbox.whatLeft()).isEqualTo("Written to the outbox: anna@example.com; delivered before:"
                + " ben@example.com.");
        assertThat(outbox.stoppedBefore()).startsWith("Stopped on request (SIGTERM or Ctrl-C) before writing the"
                + " messages to carl@example.com to the outbox;");
        assertThat(outbox.brief()).isEqualTo("1 written to the outbox, 1 already delivered, 1 not written (stopped)");
        for (String said : List.of(String.join("\n", outbox.printed()), outbox.summary(), outbox.whatLeft(),
                outbox.stoppedBefore(), outbox.brief())) {
            assertThat(said).doesNotContainIgnoringCase("sent").doesNotContainIgnoringCase("sending");
        }
    }

    @Test
    void aDeliveryBySmtpSaysSent() {
        var smtp = new DeliveryReport(List.of(new Line("report", "anna@example.com", Result.SENT, "weekly-report.pdf"),
                new Line("report", "ben@example.com", Result.ALREADY_SENT, "weekly-report.pdf")), null, null, null, null,
                null);

        assertThat(smtp.printed()).containsExactly(
                "  anna@example.com               report         sent: weekly-report.pdf",
                "  ben@example.com                report         already sent: weekly-report.pdf");
        assertThat(smtp.summary()).isEqualTo("Delivery: 1 sent, 1 already sent, 0 held, 0 failed.");
        assertThat(smtp.brief()).isEqualTo("1 sent, 1 already sent");
    }
}

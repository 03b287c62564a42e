package io.kpipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kpipeline.system.KpiProperties;
import io.kpipeline.system.ScriptedSmtpServer;
import io.kpipeline.system.StopRequest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** What the transport says of a message it could not hand over, without a context around it. */
class MailTransportTests {

    @TempDir
    Path home;

    @Test
    void aRefusalForNowWhoseRetryNoLongerFitsTheDeadlineIsQuotedWithOneFullStop() throws Exception {
        // a wait of 10 s before the second attempt, in a deadline of 3 s: the first attempt is the only one
        DeliverySettings settings = new DeliverySettings("kpi@example.com", "", Duration.ofSeconds(5),
                Duration.ofSeconds(3), new DeliverySettings.Retry(3, Duration.ofSeconds(10), 1.0,
                        Duration.ofSeconds(10)), Map.of());
        try (var server = ScriptedSmtpServer.script().refuseForNow(address -> true, "Please try again later.").start();
                var sockets = new DeadlineSockets()) {
            MailTransport transport = transport(server.port(), settings, sockets);
            MimeMessage message = new MimeMessage(transport.session());
            message.setFrom(new InternetAddress("kpi@example.com"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("anna@example.com"));
            message.setText("the report");

            assertThatThrownBy(() -> transport.send(message, "weekly", transport.deadline()))
                    .isInstanceOf(MailTransport.Undeliverable.class)
                    .hasMessage("451 4.3.0 <anna@example.com>: Please try again later; no further attempt fits into"
                            + " the delivery deadline of 3 s (kpi.delivery.deadline)")
                    .satisfies(e -> assertThat(((MailTransport.Undeliverable) e).attempts()).isEqualTo(1));
            assertThat(server.rcptTo()).containsExactly("anna@example.com");
        }
    }

    private MailTransport transport(int port, DeliverySettings settings, DeadlineSockets sockets) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        var senders = new StaticListableBeanFactory(Map.of("sender", sender)).getBeanProvider(JavaMailSender.class);
        var properties = new KpiProperties(home, null, ZoneId.of("Europe/Berlin"), "EUR", null, null, 1);
        return new MailTransport(senders, properties, settings, sockets, new StopRequest());
    }
}

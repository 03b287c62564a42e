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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
            MimeMessage message = message(transport);

            assertThatThrownBy(() -> transport.send(message, "weekly", transport.deadline()))
                    .isInstanceOf(MailTransport.Undeliverable.class)
                    .hasMessage("451 4.3.0 <anna@example.com>: Please try again later; no further attempt fits into"
                            + " the delivery deadline of 3 s (kpi.delivery.deadline)")
                    .satisfies(e -> assertThat(((MailTransport.Undeliverable) e).attempts()).isEqualTo(1));
            assertThat(server.rcptTo()).containsExactly("anna@example.com");
        }
    }

    @Test
    void aRequestToStopEndsTheWaitForTheNextAttempt() throws Exception {
        // 30 s before the second attempt, in a deadline of 5 min
        DeliverySettings settings = new DeliverySettings("kpi@example.com", "", Duration.ofSeconds(5),
                Duration.ofMinutes(5), new DeliverySettings.Retry(3, Duration.ofSeconds(30), 1.0,
                        Duration.ofSeconds(30)), Map.of());
        StopRequest stop = new StopRequest();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (var server = ScriptedSmtpServer.script().refuseForNow(address -> true).start();
                var sockets = new DeadlineSockets()) {
            MailTransport transport = transport(server.port(), settings, sockets, stop);
            MimeMessage message = message(transport);
            Future<String> sending = thread.submit(() -> {
                try {
                    transport.send(message, "weekly", transport.deadline());
                    return "sent";
                } catch (MailTransport.Undeliverable e) {
                    // what it says, and whether the thread goes on with an interrupt that was meant for the wait
                    return e.getMessage() + " (" + e.attempts() + " attempt), interrupted: "
                            + Thread.currentThread().isInterrupted();
                }
            });
            long firstRefused = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (server.rcptTo().isEmpty() && System.nanoTime() < firstRefused) {
                Thread.sleep(10);
            }
            assertThat(server.rcptTo()).containsExactly("anna@example.com");

            stop.request();

            // within a second or two, not after the 30 s wait
            assertThat(sending.get(5, TimeUnit.SECONDS)).isEqualTo("451 4.3.0 <anna@example.com>: Temporary lookup"
                    + " failure; not tried again: the run was asked to stop (1 attempt), interrupted: false");
            assertThat(server.rcptTo()).containsExactly("anna@example.com");
        } finally {
            thread.shutdownNow();
        }
    }

    private static MimeMessage message(MailTransport transport) throws Exception {
        MimeMessage message = new MimeMessage(transport.session());
        message.setFrom(new InternetAddress("kpi@example.com"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("anna@example.com"));
        message.setText("the report");
        return message;
    }

    private MailTransport transport(int port, DeliverySettings settings, DeadlineSockets sockets) {
        return transport(port, settings, sockets, new StopRequest());
    }

    private MailTransport transport(int port, DeliverySettings settings, DeadlineSockets sockets, StopRequest stop) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        var senders = new StaticListableBeanFactory(Map.of("sender", sender)).getBeanProvider(JavaMailSender.class);
        var properties = new KpiProperties(home, null, ZoneId.of("Europe/Berlin"), "EUR", null, null, 1);
        return new MailTransport(senders, properties, settings, sockets, stop);
    }
}

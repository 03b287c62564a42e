package io.kpipeline.delivery;

import io.kpipeline.system.KpiProperties;
import io.kpipeline.system.NeedsNoDatabase;
import io.kpipeline.system.PrivateFiles;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Hands a message to the SMTP server of {@code spring.mail.*}, retrying transient failures with
 * back-off ({@code kpi.delivery.retry.*}); without {@code spring.mail.host} it writes the message as
 * an .eml file into {@code $KPI_HOME/outbox/} instead.
 */
@Component
@NeedsNoDatabase
class MailTransport {

    /** A message that could not be handed over, after {@code attempts} attempts. */
    static final class Undeliverable extends Exception {

        private final int attempts;

        Undeliverable(int attempts, Throwable cause) {
            super(SmtpErrors.describe(cause), cause);
            this.attempts = attempts;
        }

        int attempts() {
            return attempts;
        }
    }

    private final ObjectProvider<JavaMailSender> senders;
    private final Path outbox;
    private final RetryTemplate retry;

    MailTransport(ObjectProvider<JavaMailSender> senders, KpiProperties properties, DeliverySettings settings) {
        this.senders = senders;
        this.outbox = properties.home().resolve("outbox").toAbsolutePath().normalize();
        DeliverySettings.Retry r = settings.retry();
        this.retry = new RetryTemplate(RetryPolicy.builder().maxRetries(r.maxAttempts() - 1L).delay(r.delay())
                .multiplier(r.multiplier()).maxDelay(r.maxDelay().compareTo(r.delay()) < 0 ? r.delay() : r.maxDelay())
                .predicate(SmtpErrors::isTransient).build());
    }

    /** Whether messages go to the outbox folder because no SMTP server is configured. */
    boolean outbox() {
        return senders.getIfAvailable() == null;
    }

    /** host:port of the SMTP server, for messages. */
    String server() {
        return senders.getIfAvailable() instanceof JavaMailSenderImpl impl
                ? impl.getHost() + ":" + (impl.getPort() < 0 ? "25" : impl.getPort()) : "the configured mail sender";
    }

    Path outboxFolder() {
        return outbox;
    }

    Session session() {
        return senders.getIfAvailable() instanceof JavaMailSenderImpl impl ? impl.getSession()
                : Session.getInstance(new Properties());
    }

    /**
     * Sends the message, or writes it to {@code outbox/<file>.eml}.
     *
     * @return the attempts it took
     */
    int send(MimeMessage message, String file) throws Undeliverable {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            Path target = outbox.resolve(file.replaceAll("[^A-Za-z0-9._@+-]", "_") + ".eml");
            try {
                message.saveChanges();
                try (OutputStream out = PrivateFiles.newOutputStream(target)) {
                    message.writeTo(out);
                }
                return 1;
            } catch (IOException | MessagingException e) {
                throw new Undeliverable(1, e);
            }
        }
        AtomicInteger attempts = new AtomicInteger();
        try {
            retry.execute(() -> {
                attempts.incrementAndGet();
                sender.send(message);
                return null;
            });
            return attempts.get();
        } catch (RetryException e) {
            throw new Undeliverable(attempts.get(), e.getLastException() != null ? e.getLastException() : e);
        }
    }
}

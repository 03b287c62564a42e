package io.kpipeline.delivery;

import io.kpipeline.system.KpiException;
import io.kpipeline.system.KpiProperties;
import io.kpipeline.system.NeedsNoDatabase;
import io.kpipeline.system.PrivateFiles;
import io.kpipeline.system.StopRequest;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
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
 * back-off ({@code kpi.delivery.retry.*}) within the delivery's {@link DeliveryDeadline}; without
 * {@code spring.mail.host} it writes the message as an .eml file into {@code $KPI_HOME/outbox/} instead.
 * A run asked to stop ({@link StopRequest}) tries a failing message no more, and stops waiting for its next
 * attempt: that would only delay the stop, and the next run sends the message.
 */
@Component
@NeedsNoDatabase
class MailTransport {

    /** A message that could not be handed over, after {@code attempts} attempts. */
    static final class Undeliverable extends Exception {

        private final int attempts;

        Undeliverable(int attempts, Throwable cause) {
            this(attempts, SmtpErrors.describe(cause), cause);
        }

        Undeliverable(int attempts, String message, Throwable cause) {
            super(message, cause);
            this.attempts = attempts;
        }

        int attempts() {
            return attempts;
        }
    }

    private final ObjectProvider<JavaMailSender> senders;
    private final Path outbox;
    private final DeliverySettings settings;
    private final DeadlineSockets sockets;
    private final StopRequest stop;

    MailTransport(ObjectProvider<JavaMailSender> senders, KpiProperties properties, DeliverySettings settings,
            DeadlineSockets sockets, StopRequest stop) {
        this.senders = senders;
        this.outbox = properties.home().resolve("outbox").toAbsolutePath().normalize();
        this.settings = settings;
        this.sockets = sockets;
        this.stop = stop;
    }

    /** Starts the clock of a report's delivery. */
    DeliveryDeadline deadline() {
        return new DeliveryDeadline(settings.deadline(), settings.timeout());
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
     * Sends one of the delivery's messages, or writes it to {@code outbox/<file>.eml}.
     *
     * @return the attempts it took
     * @throws Undeliverable also when the deadline, less the notice's reserve, has passed or passes meanwhile
     */
    int send(MimeMessage message, String file, DeliveryDeadline deadline) throws Undeliverable {
        int attempts = send(message, file, deadline, deadline.messagesEnd());
        deadline.countHandedOver();
        return attempts;
    }

    /** Sends the delivery's notice to the admin address (or writes it to the outbox), before the deadline. */
    void sendNotice(MimeMessage notice, String file, DeliveryDeadline deadline) throws Undeliverable {
        send(notice, file, deadline, deadline.end());
    }

    private int send(MimeMessage message, String file, DeliveryDeadline deadline, long end) throws Undeliverable {
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
        Duration left = Duration.ofNanos(end - System.nanoTime());
        if (left.toMillis() < 1) {
            throw new Undeliverable(0, "not sent: " + deadline + " had passed", null);
        }
        DeliverySettings.Retry r = settings.retry();
        RetryTemplate retry = new RetryTemplate(RetryPolicy.builder().maxRetries(r.maxAttempts() - 1L).delay(r.delay())
                .multiplier(r.multiplier()).maxDelay(r.maxDelay().compareTo(r.delay()) < 0 ? r.delay() : r.maxDelay())
                .timeout(left).predicate(e -> SmtpErrors.isTransient(e) && !stop.requested()).build());
        AtomicInteger attempts = new AtomicInteger();
        DeadlineSockets.Watch watch = sockets.watch(left);
        // a request to stop ends the wait for the next attempt, not an attempt under way
        try (StopRequest.Waits waits = stop.endsWaits()) {
            retry.execute(() -> {
                attempts.incrementAndGet();
                sender.send(message);
                return null;
            });
            return attempts.get();
        } catch (RetryException e) {
            Throwable last = e.getLastException() != null ? e.getLastException() : e;
            if (watch.expired()) {
                throw new Undeliverable(attempts.get(), server() + " had not taken the message when " + deadline
                        + " passed", last);
            }
            if (attempts.get() < r.maxAttempts() && SmtpErrors.isTransient(last)) {
                // another attempt was due: say why it was not made
                throw new Undeliverable(attempts.get(), KpiException.clause(SmtpErrors.describe(last)) + "; "
                        + (stop.requested() ? "not tried again: the run was asked to stop"
                                : "no further attempt fits into " + deadline), last);
            }
            throw new Undeliverable(attempts.get(), last);
        } finally {
            watch.close();
        }
    }
}

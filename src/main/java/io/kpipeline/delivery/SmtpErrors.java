package io.kpipeline.delivery;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

/**
 * Tells transient SMTP failures (no connection, 4xx replies) from permanent ones (5xx replies, failed
 * log-in, malformed message), and puts a failure into one line for the user. The server's reply can sit
 * deep: JavaMailSenderImpl reports a rejected message as a {@link MailSendException} without a cause,
 * holding a {@code SendFailedException("Invalid Addresses")} whose next exception carries the reply, so
 * every level is searched: causes, {@link MailSendException#getMessageExceptions()} and
 * {@link MessagingException#getNextException()}.
 */
final class SmtpErrors {

    private SmtpErrors() {
    }

    static boolean isTransient(Throwable thrown) {
        for (Throwable t : levels(thrown)) {
            if (t instanceof MailAuthenticationException || t instanceof AuthenticationFailedException
                    || t instanceof MailParseException || t instanceof MailPreparationException
                    || t instanceof AddressException) {
                return false;
            }
            int code = returnCode(t);
            if (code >= 500) {
                // a 5xx anywhere decides, even beside a 4xx for another address or a dropped connection
                return false;
            }
        }
        // 4xx replies, I/O failures and failures without a reply code (the connection): worth another attempt
        return true;
    }

    /** The SMTP reply code the server gave, or -1. */
    private static int returnCode(Throwable t) {
        if (t instanceof SMTPSendFailedException f) {
            return f.getReturnCode();
        }
        if (t instanceof SMTPAddressFailedException f) {
            return f.getReturnCode();
        }
        return t instanceof SMTPSenderFailedException f ? f.getReturnCode() : -1;
    }

    /**
     * The messages of the failure chain, each once and without the nested repetitions, e.g.
     * "Mail server connection failed: Couldn't connect to host, port: smtp.example.com, 587; timeout -1: Connection refused".
     * When the server replied with an error, its replies are the description, e.g.
     * "550 5.1.1 &lt;anna@example.com&gt;: Recipient address rejected".
     */
    static String describe(Throwable thrown) {
        List<Throwable> levels = levels(thrown);
        List<Throwable> replies = levels.stream().filter(t -> returnCode(t) >= 400).toList();
        StringBuilder text = new StringBuilder();
        for (Throwable t : replies.isEmpty() ? levels : replies) {
            String m = t.getMessage();
            if (m == null || (t instanceof MailSendException s && s.getMessageExceptions().length > 0
                    && m.startsWith("Failed messages:"))) {
                // the message of JavaMailSenderImpl's MailSendException(failedMessages) only repeats its parts
                continue;
            }
            m = m.replaceAll("(?s)(\\. Failed messages:|;\\s*nested exception is).*", "")
                    .strip().replaceAll("\\s+", " ");
            if (!m.isEmpty() && text.indexOf(m) < 0) {
                text.append(text.isEmpty() ? "" : ": ").append(m);
            }
        }
        return text.isEmpty() ? thrown.getClass().getSimpleName() : text.toString();
    }

    /** The failure and everything nested in it, depth first, each once. */
    private static List<Throwable> levels(Throwable thrown) {
        List<Throwable> seen = new ArrayList<>();
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.push(thrown);
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (seen.stream().anyMatch(s -> s == t)) {
                continue;
            }
            seen.add(t);
            List<Throwable> nested = new ArrayList<>();
            if (t instanceof MailSendException s) {
                nested.addAll(Arrays.asList(s.getMessageExceptions()));
            }
            if (t instanceof MessagingException m) {
                nested.add(m.getNextException());
            }
            nested.add(t.getCause());
            for (int i = nested.size() - 1; i >= 0; i--) {
                if (nested.get(i) != null) {
                    todo.push(nested.get(i));
                }
            }
        }
        return seen;
    }
}

package io.kpipeline.delivery;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.internet.AddressException;
import java.io.IOException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;

/**
 * Tells transient SMTP failures (no connection, 4xx replies) from permanent ones (5xx replies, failed
 * log-in, malformed message), and puts a failure into one line for the user.
 */
final class SmtpErrors {

    private SmtpErrors() {
    }

    static boolean isTransient(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof MailAuthenticationException || t instanceof AuthenticationFailedException
                    || t instanceof MailParseException || t instanceof MailPreparationException
                    || t instanceof AddressException) {
                return false;
            }
            int code = returnCode(t);
            if (code >= 500) {
                return false;
            }
            if (code >= 400 || t instanceof IOException) {
                return true;
            }
        }
        // a failure without a reply code is one of the connection: worth another attempt
        return true;
    }

    /** The SMTP reply code the server gave, or -1. */
    private static int returnCode(Throwable t) {
        if (t instanceof SMTPSendFailedException f) {
            return f.getReturnCode();
        }
        return t instanceof SMTPAddressFailedException f ? f.getReturnCode() : -1;
    }

    /**
     * The messages of the failure chain, each once and without the nested repetitions, e.g.
     * "Mail server connection failed: Couldn't connect to host, port: smtp.example.com, 587; timeout -1: Connection refused".
     */
    static String describe(Throwable thrown) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m == null) {
                continue;
            }
            m = m.replaceAll("(?s)(\\. Failed messages:|;\\s*nested exception is).*", "").strip()
                    .replaceAll("\\s+", " ");
            if (!m.isEmpty() && text.indexOf(m) < 0) {
                text.append(text.isEmpty() ? "" : ": ").append(m);
            }
        }
        return text.isEmpty() ? thrown.getClass().getSimpleName() : text.toString();
    }
}

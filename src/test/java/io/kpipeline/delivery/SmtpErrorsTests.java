package io.kpipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kpipeline.system.ScriptedSmtpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The failures are built in the shapes JavaMailSenderImpl.doSend throws (spring-context-support 7.0): a
 * connection failure as {@code MailSendException("Mail server connection failed", ex, failedMessages)},
 * a message the server refused as {@code MailSendException(failedMessages)} without a cause, whose entry
 * is what Angus Mail threw (for refused recipients a SendFailedException "Invalid Addresses" with the
 * SMTPAddressFailedException as next exception). The last test gets that shape from a real SMTP
 * conversation.
 */
class SmtpErrorsTests {

    private static final MimeMessage MESSAGE = new MimeMessage((jakarta.mail.Session) null);

    @Test
    void noConnectionAndFourHundredRepliesAreRetriedFiveHundredsAndFailedLoginsAreNot() throws Exception {
        assertThat(SmtpErrors.isTransient(refused())).isTrue();
        assertThat(SmtpErrors.isTransient(failed(recipients(rejected("anna@example.com", 450,
                "450 4.2.1 <anna@example.com>: Mailbox busy"))))).isTrue();
        assertThat(SmtpErrors.isTransient(failed(reply(421, "421 4.3.2 Service not available")))).isTrue();

        assertThat(SmtpErrors.isTransient(failed(recipients(rejected("anna@example.com", 550,
                "550 5.1.1 <anna@example.com>: Recipient address rejected"))))).isFalse();
        assertThat(SmtpErrors.isTransient(failed(reply(554, "554 5.7.1 Message rejected as spam")))).isFalse();
        // a 5xx decides even after a 4xx for another address
        assertThat(SmtpErrors.isTransient(failed(recipients(
                rejected("anna@example.com", 450, "450 4.2.1 <anna@example.com>: Mailbox busy"),
                rejected("ben@example.com", 550, "550 5.1.1 <ben@example.com>: Recipient address rejected")))))
                .isFalse();
        assertThat(SmtpErrors.isTransient(new MailAuthenticationException("535 Authentication failed"))).isFalse();
    }

    @Test
    void theDescriptionNamesEachLevelOnce() {
        assertThat(SmtpErrors.describe(refused())).isEqualTo("Mail server connection failed: Couldn't connect to host,"
                + " port: smtp.example.com, 587; timeout -1: Connection refused");
    }

    @Test
    void aRefusedMessageIsDescribedByTheServersReply() throws Exception {
        assertThat(SmtpErrors.describe(failed(recipients(rejected("anna@example.com", 550,
                "550 5.1.1 <anna@example.com>: Recipient address rejected")))))
                .isEqualTo("550 5.1.1 <anna@example.com>: Recipient address rejected");
        assertThat(SmtpErrors.describe(failed(reply(554, "554 5.7.1 Message rejected as spam"))))
                .isEqualTo("554 5.7.1 Message rejected as spam");
    }

    @Test
    void aRecipientRefusedOverRealSmtpIsPermanentAndNamedByTheReply() throws Exception {
        try (var server = ScriptedSmtpServer.script().refuse(address -> true).start()) {
            var sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(server.port());
            MimeMessage message = sender.createMimeMessage();
            message.setFrom("kpi@example.com");
            message.setRecipients(MimeMessage.RecipientType.TO, "anna@example.com");
            message.setText("x");

            MailSendException thrown = catchThrowableOfType(MailSendException.class, () -> sender.send(message));

            // the shape the unit tests above build: no cause, the refusal among the failed messages
            assertThat(thrown.getCause()).isNull();
            assertThat(thrown.getMessageExceptions()).singleElement().isInstanceOf(SendFailedException.class);
            assertThat(SmtpErrors.isTransient(thrown)).isFalse();
            assertThat(SmtpErrors.describe(thrown))
                    .isEqualTo("550 5.1.1 <anna@example.com>: Recipient address rejected: User unknown");
            assertThat(server.rcptTo()).containsExactly("anna@example.com");
        }
    }

    @Test
    void anEntryMayNameARoleAndALanguage() {
        assertThat(Recipient.Entry.parse(" role:head-of-sales (en) ")).isEqualTo(
                new Recipient.Entry("role:head-of-sales", "en"));
        assertThat(Recipient.Entry.parse("role:head-of-sales").role()).contains("head-of-sales");
        assertThat(Recipient.Entry.parse("anna@example.com")).isEqualTo(new Recipient.Entry("anna@example.com", null));
        assertThat(Recipient.problem("anna@example.com")).isEmpty();
        assertThat(Recipient.problem("Anna <anna@example.com>")).contains(
                "is not a plain mail address like name@example.com");
        assertThat(Recipient.problem("anna@localhost")).contains("is not a plain mail address like name@example.com");
    }

    /** JavaMailSenderImpl when it cannot connect: the cause, and every message failed with it. */
    private static MailSendException refused() {
        var ex = new MessagingException("Couldn't connect to host, port: smtp.example.com, 587; timeout -1",
                new ConnectException("Connection refused"));
        return new MailSendException("Mail server connection failed", ex, Map.of(MESSAGE, ex));
    }

    /** JavaMailSenderImpl when the server refused the message: no cause, the failure by message. */
    private static MailSendException failed(Exception ex) {
        Map<Object, Exception> failedMessages = new LinkedHashMap<>();
        failedMessages.put(MESSAGE, ex);
        return new MailSendException(failedMessages);
    }

    /** Angus Mail when recipients are refused: the refusals chained as next exceptions. */
    private static SendFailedException recipients(SMTPAddressFailedException... refusals) {
        for (int i = 1; i < refusals.length; i++) {
            refusals[i - 1].setNextException(refusals[i]);
        }
        return new SendFailedException("Invalid Addresses", refusals[0], null, null, null);
    }

    private static SMTPAddressFailedException rejected(String address, int code, String text) throws Exception {
        return new SMTPAddressFailedException(new InternetAddress(address), "RCPT TO:<" + address + ">", code, text);
    }

    private static SMTPSendFailedException reply(int code, String text) {
        return new SMTPSendFailedException("DATA", code, text, null, null, null, null);
    }
}

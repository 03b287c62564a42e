package io.kpipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import java.net.ConnectException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

class SmtpErrorsTests {

    @Test
    void noConnectionAndFourHundredRepliesAreRetriedFiveHundredsAndFailedLoginsAreNot() {
        var refused = new MailSendException("Mail server connection failed",
                new MessagingException("Couldn't connect to host, port: smtp.example.com, 587",
                        new ConnectException("Connection refused")));
        assertThat(SmtpErrors.isTransient(refused)).isTrue();
        assertThat(SmtpErrors.isTransient(new MailSendException("send", reply(421, "421 Service not available"))))
                .isTrue();
        assertThat(SmtpErrors.isTransient(new MailSendException("send", reply(550, "550 Mailbox unavailable"))))
                .isFalse();
        assertThat(SmtpErrors.isTransient(new MailAuthenticationException("535 Authentication failed"))).isFalse();
    }

    @Test
    void theDescriptionNamesEachLevelOnce() {
        var refused = new MailSendException("Mail server connection failed",
                new MessagingException("Couldn't connect to host, port: smtp.example.com, 587; timeout -1",
                        new ConnectException("Connection refused")));
        assertThat(SmtpErrors.describe(refused)).isEqualTo("Mail server connection failed: Couldn't connect to host,"
                + " port: smtp.example.com, 587; timeout -1: Connection refused");
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

    private static SMTPSendFailedException reply(int code, String text) {
        return new SMTPSendFailedException("DATA", code, text, null, null, null, null);
    }
}

package io.kpipeline.delivery;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One addressee of one document: the address and the language of the message.
 *
 * @param address  the plain address, e.g. {@code anna@example.com}
 * @param language {@code de} or {@code en}
 * @param document {@code report}, or {@code rep:<id>} for a rep's personal report
 */
record Recipient(String address, String language, String document) {

    static final String REPORT = "report";

    /** An entry of a recipient list: an address or {@code role:<name>}, optionally followed by {@code (de)} or {@code (en)}. */
    record Entry(String target, String language) {

        private static final Pattern FORM = Pattern.compile("\\s*(.*?)\\s*(?:\\((de|en)\\))?\\s*");

        static Entry parse(String text) {
            Matcher m = FORM.matcher(text == null ? "" : text);
            m.matches();
            return new Entry(m.group(1), m.group(2));
        }

        Optional<String> role() {
            return target.startsWith("role:") ? Optional.of(target.substring(5)) : Optional.empty();
        }
    }

    Locale locale() {
        return Locale.forLanguageTag(language);
    }

    /** Why {@code address} is no mail address, or empty when it is one. */
    static Optional<String> problem(String address) {
        if (address.isBlank()) {
            return Optional.of("is empty");
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            if (!parsed.getAddress().equals(address) || !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+")) {
                return Optional.of("is not a plain mail address like name@example.com");
            }
            return Optional.empty();
        } catch (AddressException e) {
            return Optional.of("is not a mail address (" + e.getMessage() + ")");
        }
    }
}

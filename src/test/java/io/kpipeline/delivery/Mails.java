package io.kpipeline.delivery;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads a received message back: its HTML and plain-text parts and its attachments by file name. */
final class Mails {

    record Attachment(String name, String contentType, byte[] bytes) {
    }

    private Mails() {
    }

    static String html(MimeMessage message) throws Exception {
        for (Part p : parts(message)) {
            if (p.isMimeType("text/html")) {
                return (String) p.getContent();
            }
        }
        return null;
    }

    static String plain(MimeMessage message) throws Exception {
        for (Part p : parts(message)) {
            if (p.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
                return (String) p.getContent();
            }
        }
        return null;
    }

    static List<Attachment> attachments(MimeMessage message) throws Exception {
        List<Attachment> found = new ArrayList<>();
        for (Part p : parts(message)) {
            if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                p.getDataHandler().writeTo(bytes);
                found.add(new Attachment(p.getFileName(), p.getContentType(), bytes.toByteArray()));
            }
        }
        return found;
    }

    private static List<Part> parts(Part part) throws Exception {
        List<Part> all = new ArrayList<>();
        all.add(part);
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                all.addAll(parts(child));
            }
        }
        return all;
    }
}

package io.kpipeline.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP server on loopback that refuses every recipient with a permanent 550, as a mail server
 * does for an unknown mailbox. GreenMail accepts every recipient, so it cannot stand in here; this
 * server speaks the plain protocol over a real socket, so that JavaMailSenderImpl and Angus Mail
 * build the failure exactly as they do in production. It records each RCPT command it answered.
 */
final class RejectingSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final List<String> recipients = new CopyOnWriteArrayList<>();
    private final Thread thread;

    RejectingSmtpServer(int port) {
        try {
            socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this::serve, "rejecting-smtp-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The addresses of the RCPT commands received, in order, one entry per command. */
    List<String> recipients() {
        return List.copyOf(recipients);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                // one broken conversation: accept the next
            }
        }
    }

    private void converse(Socket client) throws IOException {
        var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
        reply(out, "220 reject.test ESMTP");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.length() < 4 ? line.toUpperCase(Locale.ROOT)
                    : line.substring(0, 4).toUpperCase(Locale.ROOT);
            switch (command) {
                case "EHLO", "HELO" -> reply(out, "250 reject.test");
                case "MAIL" -> reply(out, "250 2.1.0 Ok");
                case "RCPT" -> {
                    String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                    recipients.add(address);
                    reply(out, "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown");
                }
                case "RSET", "NOOP" -> reply(out, "250 2.0.0 Ok");
                case "QUIT" -> {
                    reply(out, "221 2.0.0 Bye");
                    return;
                }
                default -> reply(out, "502 5.5.2 Error: command not recognized");
            }
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
            thread.join(5000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

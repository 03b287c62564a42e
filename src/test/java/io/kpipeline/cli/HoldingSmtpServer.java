package io.kpipeline.cli;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An SMTP server on loopback that takes every message, and holds its answer to one of them — a slow peer —
 * until the test releases it: the client has handed the message over and waits for the server's "250". It
 * records the recipients of the messages it accepted, in order.
 */
final class HoldingSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final int holdAt;
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final Thread thread;
    private int messages;

    /** @param holdAt the message, counted from 1, whose answer waits for {@link #release()}; 0 for none */
    HoldingSmtpServer(int holdAt) {
        this.holdAt = holdAt;
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this::serve, "holding-smtp-" + socket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The recipient of each message accepted, in order. */
    List<String> accepted() {
        return List.copyOf(accepted);
    }

    /** Waits until the held message has been handed over, its answer pending. */
    boolean awaitHolding(long seconds) throws InterruptedException {
        return holding.await(seconds, TimeUnit.SECONDS);
    }

    /** Answers the held message: it is accepted. */
    void release() {
        released.countDown();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                // one broken conversation: accept the next
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void converse(Socket client) throws IOException, InterruptedException {
        var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
        reply(out, "220 slow.test ESMTP");
        List<String> recipients = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.length() < 4 ? line.toUpperCase(Locale.ROOT)
                    : line.substring(0, 4).toUpperCase(Locale.ROOT);
            switch (command) {
                case "EHLO", "HELO" -> reply(out, "250 slow.test");
                case "MAIL" -> {
                    recipients.clear();
                    reply(out, "250 2.1.0 Ok");
                }
                case "RCPT" -> {
                    recipients.add(line.substring(line.indexOf('<') + 1, line.lastIndexOf('>')));
                    reply(out, "250 2.1.5 Ok");
                }
                case "DATA" -> {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                        // the message itself is not needed
                    }
                    if (++messages == holdAt) {
                        holding.countDown();
                        released.await();
                    }
                    accepted.addAll(recipients);
                    reply(out, "250 2.0.0 Ok: queued");
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
        released.countDown();
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

package io.kpipeline.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

/**
 * An SMTP server on loopback for the peers GreenMail cannot play: one that refuses recipients, holds its answer
 * until the test releases it, runs a hook the moment a message has arrived, or never finishes its greeting. It
 * speaks the plain protocol over a real socket, so that JavaMailSenderImpl and Angus Mail behave as they do in
 * production, and records the RCPT commands it received and the recipients of the messages it accepted.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    /** The text of a refusal after the address, as Postfix words it. */
    private static final String REFUSAL = "Recipient address rejected: User unknown";

    private final Script script;
    private final ServerSocket socket;
    private final Thread acceptor;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger messages = new AtomicInteger();
    private final List<String> rcptTo = new CopyOnWriteArrayList<>();
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    private ScriptedSmtpServer(Script script) {
        this.script = script;
        try {
            socket = new ServerSocket(script.port, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::accept, "scripted-smtp-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A script that takes every message, one conversation at a time, on a free port; its methods change that. */
    public static Script script() {
        return new Script();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** The address of each RCPT command received, in order, whatever the answer. */
    public List<String> rcptTo() {
        return List.copyOf(rcptTo);
    }

    /** The recipients of the messages accepted, in order. */
    public List<String> accepted() {
        return List.copyOf(accepted);
    }

    /** Waits until the held message or recipient has been handed over, its answer pending. */
    public boolean awaitHolding(long seconds) throws InterruptedException {
        return holding.await(seconds, TimeUnit.SECONDS);
    }

    /** Whether the held message or recipient waits for its answer right now. */
    public boolean isHolding() {
        return holding.getCount() == 0 && released.getCount() > 0;
    }

    /** Answers what is held, and from then on answers at once. */
    public void release() {
        released.countDown();
    }

    private void accept() {
        while (!socket.isClosed() && !Thread.currentThread().isInterrupted()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException closed) {
                return;
            }
            int connection = connections.incrementAndGet();
            if (script.threadPerConnection) {
                Thread talker = new Thread(() -> talk(client), acceptor.getName() + "-" + connection);
                talker.setDaemon(true);
                talker.start();
            } else {
                talk(client);
            }
        }
    }

    private void talk(Socket client) {
        clients.add(client);
        try (client) {
            converse(client);
        } catch (IOException gone) {
            // the client hung up, or close() ended the conversation: the next one may come
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clients.remove(client);
        }
    }

    private void converse(Socket client) throws IOException, InterruptedException {
        var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
        greet(out);
        List<String> recipients = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.length() < 4 ? line : line.substring(0, 4);
            switch (command.toUpperCase(Locale.ROOT)) {
                case "EHLO", "HELO" -> reply(out, "250 scripted.test");
                case "MAIL", "RSET" -> {
                    recipients.clear();
                    reply(out, "250 2.0.0 Ok");
                }
                case "NOOP" -> reply(out, "250 2.0.0 Ok");
                case "RCPT" -> {
                    String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                    rcptTo.add(address);
                    if (address.equals(script.heldRecipient)) {
                        hold();
                    }
                    if (script.refused.test(address)) {
                        reply(out, script.refusalCode + " <" + address + ">: " + script.refusal);
                    } else {
                        recipients.add(address);
                        reply(out, "250 2.1.5 Ok");
                    }
                }
                case "DATA" -> {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                        // the message itself is not needed
                    }
                    int message = messages.incrementAndGet();
                    script.onMessage.accept(message);
                    if (message == script.heldMessage) {
                        hold();
                    }
                    accepted.addAll(recipients);
                    recipients.clear();
                    reply(out, "250 2.0.0 Ok: queued");
                }
                case "QUIT" -> {
                    reply(out, "221 2.0.0 Bye");
                    return;
                }
                default -> reply(out, "502 5.5.2 Error: command not recognized");
            }
        }
    }

    /** The greeting; a trickling one goes on until the client hangs up or the server closes. */
    private void greet(Writer out) throws IOException, InterruptedException {
        if (script.trickle == null) {
            reply(out, "220 scripted.test ESMTP");
            return;
        }
        for (int line = 1; ; line++) {
            reply(out, "220-scripted.test greeting line " + line);
            Thread.sleep(script.trickle.toMillis());
        }
    }

    private void hold() throws InterruptedException {
        holding.countDown();
        released.await();
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    /** Releases what is held, stops accepting and ends the conversations still open. */
    @Override
    public void close() {
        release();
        try {
            socket.close();
            for (Socket client : clients) {
                client.close();
            }
            acceptor.join(5000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the server does where it differs from one that takes every message at once. */
    public static final class Script {

        private int port;
        private boolean threadPerConnection;
        private Duration trickle;
        private Predicate<String> refused = address -> false;
        private String refusal = REFUSAL;
        private String refusalCode = "550 5.1.1";
        private String heldRecipient;
        private int heldMessage;
        private IntConsumer onMessage = message -> { };

        private Script() {
        }

        /** Listens on {@code port} instead of a free one. */
        public Script port(int port) {
            this.port = port;
            return this;
        }

        /** Talks on each connection in a thread of its own, so that one conversation never waits for another. */
        public Script threadPerConnection() {
            threadPerConnection = true;
            return this;
        }

        /** Never finishes the greeting: a {@code 220-} continuation line every {@code interval}. */
        public Script trickleGreeting(Duration interval) {
            trickle = interval;
            return this;
        }

        /** Answers RCPT for these addresses with a permanent 550, as a server does for an unknown mailbox. */
        public Script refuse(Predicate<String> addresses) {
            return refuse(addresses, REFUSAL);
        }

        /** {@link #refuse(Predicate)} with the reply's text after the address ({@code text}). */
        public Script refuse(Predicate<String> addresses, String text) {
            refused = addresses;
            refusal = text;
            refusalCode = "550 5.1.1";
            return this;
        }

        /** Answers RCPT for these addresses with a transient 451, as a server does whose lookup failed for now. */
        public Script refuseForNow(Predicate<String> addresses) {
            return refuseForNow(addresses, "Temporary lookup failure");
        }

        /** {@link #refuseForNow(Predicate)} with the reply's text after the address ({@code text}). */
        public Script refuseForNow(Predicate<String> addresses, String text) {
            refused = addresses;
            refusal = text;
            refusalCode = "451 4.3.0";
            return this;
        }

        /** Holds the answer to RCPT for {@code address} until {@link ScriptedSmtpServer#release()}. */
        public Script holdRecipient(String address) {
            heldRecipient = address;
            return this;
        }

        /**
         * Holds the answer to the {@code message}-th message, counted from 1 over all connections, until
         * {@link ScriptedSmtpServer#release()}: the client has handed it over and waits for the "250".
         */
        public Script holdMessage(int message) {
            heldMessage = message;
            return this;
        }

        /** Runs {@code hook} with the message's number, counted from 1, once it has arrived and before its answer. */
        public Script onMessage(IntConsumer hook) {
            onMessage = hook;
            return this;
        }

        public ScriptedSmtpServer start() {
            return new ScriptedSmtpServer(this);
        }
    }
}

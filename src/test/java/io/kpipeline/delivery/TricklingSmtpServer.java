package io.kpipeline.delivery;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP peer on loopback that never finishes its greeting: it sends a {@code 220-} continuation line
 * every {@code interval}, for as long as the client listens. Each line comes well within a read timeout,
 * so only a deadline ends the conversation. It counts the connections it accepted.
 */
final class TricklingSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Duration interval;
    private final AtomicInteger connections = new AtomicInteger();

    TricklingSmtpServer(Duration interval) {
        this.interval = interval;
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "trickling-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                Thread talker = new Thread(() -> trickle(client), "trickling-smtp-" + connections.get());
                talker.setDaemon(true);
                talker.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void trickle(Socket client) {
        try (client) {
            OutputStream out = client.getOutputStream();
            for (int line = 1; !socket.isClosed(); line++) {
                out.write(("220-trickle.test greeting line " + line + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(interval.toMillis());
            }
        } catch (IOException gone) {
            // the client hung up: what the deadline is for
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

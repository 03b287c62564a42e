package io.kpipeline.delivery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;

/**
 * The socket factory Jakarta Mail opens its SMTP connections with ({@code mail.smtp.socketFactory}, see
 * {@link MailTimeouts}), so that a delivery's deadline can end a conversation the per-operation timeouts
 * never end: a server that sends a line of its greeting every few seconds answers each read in time. While
 * a thread holds a {@link Watch}, the connections it opens are closed when the watch's time is up, which
 * makes the blocked read or write fail at once.
 */
final class DeadlineSockets extends SocketFactory implements AutoCloseable {

    private final ThreadLocal<Watch> watches = new ThreadLocal<>();
    private final ScheduledExecutorService alarms = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "mail-deadline");
        thread.setDaemon(true);
        return thread;
    });

    /** The connections the current thread opens are closed after {@code time}, until the watch is closed. */
    Watch watch(Duration time) {
        Watch watch = new Watch();
        watch.alarm = alarms.schedule(watch::expire, Math.max(0, time.toNanos()), TimeUnit.NANOSECONDS);
        watches.set(watch);
        return watch;
    }

    /** The connections of one thread for a while. */
    final class Watch implements AutoCloseable {

        private final List<Socket> sockets = new ArrayList<>();
        private boolean expired;
        private ScheduledFuture<?> alarm;

        /** Whether the time ran out and the connections were closed. */
        synchronized boolean expired() {
            return expired;
        }

        private synchronized void expire() {
            expired = true;
            sockets.forEach(DeadlineSockets::closeQuietly);
        }

        private synchronized void add(Socket socket) {
            if (expired) {
                closeQuietly(socket);
            } else {
                sockets.add(socket);
            }
        }

        @Override
        public void close() {
            alarm.cancel(false);
            watches.remove();
        }
    }

    @Override
    public Socket createSocket() {
        Socket socket = new Socket();
        Watch watch = watches.get();
        if (watch != null) {
            watch.add(socket);
        }
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        try {
            if (local != null) {
                socket.bind(local);
            }
            socket.connect(remote);
            return socket;
        } catch (IOException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all that is wanted; a socket that cannot be closed is broken already
        }
    }

    @Override
    public void close() {
        alarms.shutdownNow();
    }
}

package org.vaultgraph.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/**
 * Holds the address {@code serve} will listen on while the vault loads, so that a busy port or a
 * foreign address fails at once instead of after a load that can take a while.
 *
 * <pre>{@code
 * try (PortReservation reserved = PortReservation.take("127.0.0.1", 3030)) {
 *     load();
 *     reserved.close(); // just before the server binds the same address
 *     server.start();
 * }
 * }</pre>
 */
final class PortReservation implements AutoCloseable {
    private final ServerSocket socket;

    private PortReservation(ServerSocket socket) {
        this.socket = socket;
    }

    /** Binds {@code host:port}; port 0 takes a free port, which {@link #port()} tells. */
    static PortReservation take(String host, int port) {
        InetAddress address = resolve(host);
        try {
            ServerSocket socket = new ServerSocket();
            // The server binds the same port right after this socket closes.
            socket.setReuseAddress(true);
            try {
                socket.bind(new InetSocketAddress(address, port));
            } catch (IOException e) {
                socket.close();
                throw e;
            }
            return new PortReservation(socket);
        } catch (IOException e) {
            throw new CommandFailure(cannotListen(host, port, e));
        }
    }

    /** The host named by {@code --host}; a name that resolves to nothing is wrong usage. */
    static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UsageException("--host " + host + " is not an address or a known host name");
        }
    }

    /** Why the server cannot listen on {@code host:port}, in one line. */
    static String cannotListen(String host, int port, Throwable e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof BindException && reason.contains("in use")) {
            reason = "the port is in use (another server?); choose another with --port";
        } else if (e instanceof BindException && reason.contains("assign")) {
            reason = "not an address of this machine; see --host";
        } else if (e instanceof BindException && reason.contains("denied")) {
            reason = "permission denied (ports below 1024 need privileges); choose another with --port";
        }
        return "cannot listen on " + host + ":" + port + ": " + reason;
    }

    /** The port held: the one asked for, or the free one found for port 0. */
    int port() {
        return socket.getLocalPort();
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

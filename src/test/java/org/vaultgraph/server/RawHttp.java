package org.vaultgraph.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.0 over a plain socket, for what Java's client will not do: send any Host header, and connect
 * from a chosen loopback address (127.0.0.2 is another client to the server).
 */
final class RawHttp {
    private RawHttp() {}

    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    /**
     * @param from    the local address to connect from
     * @param port    the server's port on 127.0.0.1
     * @param request the request line and headers, without the final empty line
     */
    static Response send(String from, int port, String request, String body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String head = request.replace("\n", "\r\n") + (body == null ? "" : "\r\nContent-Length: " + content.length) + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = all.indexOf("\r\n\r\n");
            String[] lines = all.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
            return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, all.substring(end + 4));
        }
    }

    static Response get(String from, int port, String path, String host) throws IOException {
        return send(from, port, "GET " + path + " HTTP/1.0\nHost: " + host, null);
    }
}

package org.vaultgraph.server;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A request body as a blocking servlet stream that refuses to read past a limit (a rewritten body, or the client's). */
final class BodyStream extends ServletInputStream {
    private final InputStream source;
    private final long limit;
    private long read;

    BodyStream(InputStream source, long limit) {
        this.source = source;
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = source.read();
        if (b >= 0 && ++read > limit) throw tooLarge();
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = source.read(buffer, offset, length);
        if (n > 0 && (read += n) > limit) throw tooLarge();
        return n;
    }

    private IOException tooLarge() {
        return new IOException("request body over the limit of " + limit + " bytes");
    }

    @Override
    public boolean isFinished() {
        try {
            return source.available() == 0;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("blocking reads only");
    }
}

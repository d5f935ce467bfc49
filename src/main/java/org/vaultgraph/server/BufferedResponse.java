package org.vaultgraph.server;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * A response that holds a small body and sends it whole with a Content-Length; a body that grows
 * past the limit is streamed from then on. Why: a small SPARQL answer sent chunked ends with a
 * separate tiny write, and on keep-alive connections that adds about 20 ms per request.
 *
 * <pre>{@code
 * BufferedResponse buffered = new BufferedResponse(response, 64 * 1024);
 * chain.doFilter(request, buffered);
 * buffered.finish();
 * }</pre>
 */
final class BufferedResponse extends HttpServletResponseWrapper {
    private final int limit;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private ServletOutputStream passedThrough;
    private ServletOutputStream stream;
    private PrintWriter writer;

    BufferedResponse(HttpServletResponse response, int limit) {
        super(response);
        this.limit = limit;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (stream == null) stream = new HoldingStream();
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), Charset.forName(getCharacterEncoding())));
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (passedThrough != null) super.flushBuffer();
    }

    @Override
    public void resetBuffer() {
        held.reset();
        super.resetBuffer();
    }

    @Override
    public void reset() {
        held.reset();
        super.reset();
    }

    /** Sends what is held, with its length; call once the chain has returned. */
    void finish() throws IOException {
        if (writer != null) writer.flush();
        if (passedThrough != null) {
            passedThrough.flush();
            return;
        }
        if (held.size() == 0 || isCommitted()) return;
        setContentLength(held.size());
        ServletOutputStream out = super.getOutputStream();
        held.writeTo(out);
        out.flush();
    }

    private void overflow() throws IOException {
        passedThrough = super.getOutputStream();
        held.writeTo(passedThrough);
        held.reset();
    }

    /** Writes into the held body until it would pass the limit, then straight through. */
    private final class HoldingStream extends ServletOutputStream {
        @Override
        public void write(int b) throws IOException {
            if (passedThrough == null && held.size() + 1 > limit) overflow();
            if (passedThrough != null) passedThrough.write(b);
            else held.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (passedThrough == null && held.size() + length > limit) overflow();
            if (passedThrough != null) passedThrough.write(bytes, offset, length);
            else held.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            if (passedThrough != null) passedThrough.flush();
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("blocking writes only");
        }
    }
}

package org.vaultgraph.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Lets RDF writers, which write UTF-8 bytes, write to a command's output writer without buffering it all. */
final class WriterOutputStream extends OutputStream {
    private final Writer writer;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192);
    private final CharBuffer chars = CharBuffer.allocate(8192);

    WriterOutputStream(Writer writer) {
        this.writer = writer;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, bytes.remaining());
            bytes.put(b, off, n);
            off += n;
            len -= n;
            drain(false);
        }
    }

    private void drain(boolean endOfInput) throws IOException {
        bytes.flip();
        while (true) {
            var result = decoder.decode(bytes, chars, endOfInput);
            chars.flip();
            writer.write(chars.array(), chars.arrayOffset() + chars.position(), chars.remaining());
            chars.clear();
            if (!result.isOverflow()) break;
        }
        bytes.compact();
    }

    @Override
    public void flush() throws IOException {
        drain(false);
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        drain(true);
        writer.flush();
    }
}

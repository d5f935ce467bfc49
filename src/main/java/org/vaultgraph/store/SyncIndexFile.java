package org.vaultgraph.store;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The sync index in a file next to the TDB2 database, so that a restart reads it back in one
 * sequential pass instead of from the store's indexes.
 *
 * <p>The file is a snapshot of every entry followed by a journal of the syncs since. A sync first
 * appends a BEGIN record and forces it to disk, then the store commits, then the entries the sync
 * changed and a COMMIT record are appended. A BEGIN without its COMMIT (a crash between the store's
 * commit and the index's), a damaged record or another mapping's stamp make {@link #read} refuse
 * the file: the caller then reads the index back from the store, which is always right. When the
 * journal outgrows the snapshot, a new snapshot replaces the file (written aside, then renamed).
 *
 * <p>Each record is its type, its length, its bytes and a CRC-32 of type and bytes. The snapshot is
 * one record that names each distinct link text and set of classes once, and every entry by number.
 */
final class SyncIndexFile implements AutoCloseable {
    static final String NAME = "vaultgraph-sync.index";
    private static final byte[] MAGIC = "vaultgraph sync index 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte ENTRY = 1;
    private static final byte REMOVE = 2;
    private static final byte BEGIN = 3;
    private static final byte COMMIT = 4;
    private static final byte ABORT = 5;
    private static final byte SNAPSHOT = 6;
    /** A journal smaller than this is never folded into a new snapshot: appending is cheaper than rewriting. */
    static final long MIN_COMPACT_BYTES = 4L << 20;

    private final Path file;
    private final String stamp;
    private final long minCompactBytes;
    private long generation;
    private long snapshotBytes;
    private long journalBytes;
    private FileChannel journal;

    /** @param stamp what the store was written with (mapping and output version): an index with another stamp is refused */
    SyncIndexFile(Path directory, String stamp) {
        this(directory, stamp, MIN_COMPACT_BYTES);
    }

    SyncIndexFile(Path directory, String stamp, long minCompactBytes) {
        this.file = directory.resolve(NAME);
        this.stamp = stamp;
        this.minCompactBytes = minCompactBytes;
    }

    /** What {@link #read} found: the index, or why the file cannot be trusted. */
    record Loaded(SyncIndex index, String refused) {}

    /** Reads the index back, or says why the file cannot be used. */
    Loaded read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Loaded(null, "no sync index next to the store");
        } catch (IOException e) {
            return new Loaded(null, "the sync index cannot be read (" + e.getMessage() + ")");
        }
        try {
            return parse(ByteBuffer.wrap(bytes));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return new Loaded(null, "the sync index is damaged");
        }
    }

    private Loaded parse(ByteBuffer in) {
        byte[] magic = new byte[MAGIC.length];
        in.get(magic);
        if (!Arrays.equals(magic, MAGIC)) return new Loaded(null, "the sync index was written by another version");
        if (!stamp.equals(string(in))) return new Loaded(null, "the sync index was written with another mapping");
        SyncIndex index = new SyncIndex();
        List<Object> pending = new ArrayList<>();
        boolean begun = false;
        long committed = -1;
        int journalStart = -1;
        CRC32 crc = new CRC32();
        while (in.hasRemaining()) {
            byte type = in.get();
            int length = in.getInt();
            if (length < 0 || length > in.remaining() - 4) throw new IllegalArgumentException("record past the end");
            ByteBuffer body = in.slice(in.position(), length);
            crc.reset();
            crc.update(type);
            crc.update(in.slice(in.position(), length));
            in.position(in.position() + length);
            if ((int) crc.getValue() != in.getInt()) throw new IllegalArgumentException("checksum");
            switch (type) {
                case SNAPSHOT -> pending.addAll(snapshot(body));
                case ENTRY -> pending.add(entry(body));
                case REMOVE -> pending.add(string(body));
                case BEGIN -> {
                    if (begun || !pending.isEmpty()) throw new IllegalArgumentException("BEGIN inside a sync");
                    begun = true;
                }
                case ABORT -> {
                    pending.clear();
                    begun = false;
                }
                case COMMIT -> {
                    for (Object op : pending) {
                        if (op instanceof SyncIndex.Entry e) index.put(e);
                        else index.remove((String) op);
                    }
                    pending.clear();
                    begun = false;
                    committed = body.getLong();
                    // The snapshot ends at the first COMMIT; the journal follows it.
                    if (journalStart < 0) journalStart = in.position();
                }
                default -> throw new IllegalArgumentException("record type " + type);
            }
        }
        if (begun || !pending.isEmpty()) {
            return new Loaded(null, "the last sync's changes were not all written to the sync index (stopped while writing)");
        }
        if (committed < 0) return new Loaded(null, "the sync index is empty");
        generation = committed;
        snapshotBytes = journalStart;
        journalBytes = in.limit() - journalStart;
        return new Loaded(index, null);
    }

    /** Replaces the file by a snapshot of {@code index}: written aside, forced to disk, then renamed over the old one. */
    void writeSnapshot(SyncIndex index) {
        closeJournal();
        Path tmp = file.resolveSibling(NAME + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            out.write(MAGIC);
            DataOutputStream header = new DataOutputStream(out);
            writeString(header, stamp);
            RecordWriter records = new RecordWriter(out);
            records.snapshot(index.entries());
            generation++;
            records.marker(COMMIT, generation);
            out.flush();
            channel.force(true);
            snapshotBytes = channel.size();
            journalBytes = 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sync index " + tmp + ": " + e.getMessage(), e);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sync index " + file + ": " + e.getMessage(), e);
        }
    }

    /** Says, on disk, that a sync is about to commit: until {@link #commit}, the file is not trusted. */
    void begin() {
        append(out -> out.marker(BEGIN, generation + 1));
    }

    /** Records the entries of {@code changed} as {@code index} now has them (a path it no longer lists is removed). */
    void commit(SyncIndex index, Collection<String> changed) {
        append(out -> {
            for (String path : changed) {
                SyncIndex.Entry e = index.get(path);
                if (e != null) out.entry(e);
                else out.remove(path);
            }
            out.marker(COMMIT, generation + 1);
        });
        generation++;
        if (journalBytes > Math.max(minCompactBytes, snapshotBytes)) writeSnapshot(index);
    }

    /** The sync begun did not commit: the store is as before, and so is the index. */
    void abort() {
        append(out -> out.marker(ABORT, generation + 1));
    }

    /** Deletes the file (the store it described is being rebuilt). */
    void delete() {
        closeJournal();
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(NAME + ".tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the sync index " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closeJournal();
    }

    private interface Appender {
        void write(RecordWriter out) throws IOException;
    }

    private void append(Appender appender) {
        try {
            if (journal == null) journal = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            appender.write(new RecordWriter(bytes));
            ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
            while (buffer.hasRemaining()) journal.write(buffer);
            journal.force(false);
            journalBytes += bytes.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sync index " + file + ": " + e.getMessage(), e);
        }
    }

    private void closeJournal() {
        if (journal == null) return;
        try {
            journal.close();
        } catch (IOException e) {
            // Everything written was forced already.
        }
        journal = null;
    }

    /** Makes the rename itself durable, where the file system allows a folder to be forced. */
    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every platform opens folders; the rename is still atomic.
        }
    }

    /** A journal entry: every string written out. */
    private static SyncIndex.Entry entry(ByteBuffer in) {
        String path = string(in);
        boolean note = in.get() != 0;
        long size = in.getLong();
        long modified = in.getLong();
        String sha = ascii(in);
        String[] classes = new String[in.get()];
        for (int i = 0; i < classes.length; i++) classes[i] = string(in);
        String[] targets = new String[in.getInt()];
        for (int i = 0; i < targets.length; i++) targets[i] = string(in);
        return new SyncIndex.Entry(path, note, size, modified, sha, Set.of(classes), List.of(targets));
    }

    /** The snapshot: the table of strings, the table of class sets, then every entry naming them by number. */
    private static List<SyncIndex.Entry> snapshot(ByteBuffer in) {
        String[] strings = new String[in.getInt()];
        for (int i = 0; i < strings.length; i++) strings[i] = string(in);
        List<Set<String>> classSets = new ArrayList<>();
        for (int sets = in.getInt(); sets > 0; sets--) {
            String[] classes = new String[in.get()];
            for (int i = 0; i < classes.length; i++) classes[i] = strings[in.getInt()];
            classSets.add(Set.of(classes));
        }
        int count = in.getInt();
        List<SyncIndex.Entry> entries = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            String path = string(in);
            boolean note = in.get() != 0;
            long size = in.getLong();
            long modified = in.getLong();
            String sha = ascii(in);
            Set<String> classes = classSets.get(in.getInt());
            String[] targets = new String[in.getInt()];
            for (int i = 0; i < targets.length; i++) targets[i] = strings[in.getInt()];
            entries.add(new SyncIndex.Entry(path, note, size, modified, sha, classes, List.of(targets)));
        }
        return entries;
    }

    /** A digest in hex: one byte per character. */
    private static String ascii(ByteBuffer in) {
        int length = in.get();
        if (length < 0 || length > in.remaining()) throw new IllegalArgumentException("digest past the end");
        String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.ISO_8859_1);
        in.position(in.position() + length);
        return s;
    }

    private static String string(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) throw new IllegalArgumentException("string past the end");
        String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static void writeAscii(DataOutputStream out, String s) throws IOException {
        out.writeByte(s.length());
        out.writeBytes(s);
    }

    /** Writes framed records. */
    private static final class RecordWriter {
        private final OutputStream out;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream(256);
        private final DataOutputStream data = new DataOutputStream(body);
        private final CRC32 crc = new CRC32();

        RecordWriter(OutputStream out) {
            this.out = out;
        }

        void entry(SyncIndex.Entry e) throws IOException {
            writeString(data, e.path());
            data.writeByte(e.note() ? 1 : 0);
            data.writeLong(e.size());
            data.writeLong(e.modified());
            writeAscii(data, e.sha256());
            data.writeByte(e.classes().size());
            for (String c : e.classes()) writeString(data, c);
            data.writeInt(e.targets().size());
            for (String t : e.targets()) writeString(data, t);
            flush(ENTRY);
        }

        void snapshot(Collection<SyncIndex.Entry> entries) throws IOException {
            Map<String, Integer> strings = new LinkedHashMap<>();
            Map<Set<String>, Integer> classSets = new LinkedHashMap<>();
            for (SyncIndex.Entry e : entries) {
                e.classes().forEach(c -> strings.putIfAbsent(c, strings.size()));
                classSets.putIfAbsent(e.classes(), classSets.size());
                e.targets().forEach(t -> strings.putIfAbsent(t, strings.size()));
            }
            data.writeInt(strings.size());
            for (String s : strings.keySet()) writeString(data, s);
            data.writeInt(classSets.size());
            for (Set<String> set : classSets.keySet()) {
                data.writeByte(set.size());
                for (String c : set) data.writeInt(strings.get(c));
            }
            data.writeInt(entries.size());
            for (SyncIndex.Entry e : entries) {
                writeString(data, e.path());
                data.writeByte(e.note() ? 1 : 0);
                data.writeLong(e.size());
                data.writeLong(e.modified());
                writeAscii(data, e.sha256());
                data.writeInt(classSets.get(e.classes()));
                data.writeInt(e.targets().size());
                for (String t : e.targets()) data.writeInt(strings.get(t));
            }
            flush(SNAPSHOT);
        }

        void remove(String path) throws IOException {
            writeString(data, path);
            flush(REMOVE);
        }

        void marker(byte type, long generation) throws IOException {
            data.writeLong(generation);
            flush(type);
        }

        private void flush(byte type) throws IOException {
            byte[] bytes = body.toByteArray();
            body.reset();
            crc.reset();
            crc.update(type);
            crc.update(bytes);
            DataOutputStream frame = new DataOutputStream(out);
            frame.writeByte(type);
            frame.writeInt(bytes.length);
            frame.write(bytes);
            frame.writeInt((int) crc.getValue());
        }
    }
}

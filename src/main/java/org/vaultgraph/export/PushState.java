package org.vaultgraph.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What one vault pushed to one store, kept in a local file between pushes: the vault's id in that
 * store, the base IRI it pushed under, and the digest of each graph as sent.
 *
 * <p>The file is text: {@code #vault ID} and {@code #base IRI} lines, then one {@code digest TAB graph}
 * line per graph. A file without {@code #vault} (written before ids existed) gets a new id.
 */
final class PushState {
    private String vaultId;
    private boolean newVault;
    private String base;
    private final Map<String, String> digests = new TreeMap<>();

    private PushState() {}

    static PushState read(Path file) {
        PushState state = new PushState();
        if (Files.isRegularFile(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.startsWith("#vault ")) state.vaultId = line.substring(7).strip();
                    else if (line.startsWith("#base ")) state.base = line.substring(6).strip();
                    else {
                        int tab = line.indexOf('\t');
                        if (tab > 0) state.digests.put(line.substring(tab + 1), line.substring(0, tab));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the push state " + file + ": " + e.getMessage(), e);
            }
        }
        if (state.vaultId == null) {
            state.vaultId = UUID.randomUUID().toString();
            state.newVault = true;
        }
        return state;
    }

    String vaultId() {
        return vaultId;
    }

    /** True when this state had no id yet: nothing was pushed with it. */
    boolean isNewVault() {
        return newVault;
    }

    /** Takes over the id under which this same vault pushed before (its state file was lost). */
    void adopt(String id) {
        vaultId = id;
        newVault = false;
    }

    String base() {
        return base;
    }

    void base(String base) {
        this.base = base;
    }

    /** Graph IRI to the digest of its content as last pushed. */
    Map<String, String> digests() {
        return digests;
    }

    /** Written whole, then moved into place: a crash leaves the old state, and the next push sends those graphs again. */
    void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = parent.resolve(file.getFileName() + ".tmp");
            StringBuilder out = new StringBuilder();
            out.append("#vault ").append(vaultId).append('\n');
            if (base != null) out.append("#base ").append(base).append('\n');
            digests.forEach((graph, digest) -> out.append(digest).append('\t').append(graph).append('\n'));
            Files.writeString(tmp, out, StandardCharsets.UTF_8);
            Files.move(tmp, file.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the push state " + file + ": " + e.getMessage(), e);
        }
    }
}

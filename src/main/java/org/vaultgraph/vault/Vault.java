package org.vaultgraph.vault;

import java.nio.file.Path;
import java.util.List;

/**
 * A vault as read: its notes and attachments in path order, and the problems met on the way.
 *
 * <pre>{@code
 * Vault vault = VaultReader.builder().build().read(Path.of("data/vault"));
 * vault.notes().size();
 * vault.problems().forEach(System.err::println);
 * }</pre>
 */
public record Vault(Path root, List<Note> notes, List<Attachment> attachments, List<Problem> problems, long problemsDropped) {}

package org.vaultgraph.vault;

/**
 * A file of the vault that is not a note (an image, a PDF...).
 *
 * @param path vault-relative path with '/' separators
 */
public record Attachment(String path, FileStamp file) {

    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}

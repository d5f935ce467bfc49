package org.vaultgraph.vault;

import java.time.Instant;

/**
 * What the file system says about a file, and the digest of its bytes when it was read.
 *
 * @param size     bytes
 * @param modified last modification time
 * @param created  creation time where the file system records one, else the modification time
 * @param sha256   SHA-256 of the file's bytes in lower-case hex, or "" when the file was not read
 */
public record FileStamp(long size, Instant modified, Instant created, String sha256) {

    /** A stamp of a file whose bytes were not read. */
    public FileStamp(long size, Instant modified, Instant created) {
        this(size, modified, created, "");
    }
}

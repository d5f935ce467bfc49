package org.vaultgraph.vault;

import java.time.Instant;

/**
 * What the file system says about a file.
 *
 * @param size     bytes
 * @param modified last modification time
 * @param created  creation time where the file system records one, else the modification time
 */
public record FileStamp(long size, Instant modified, Instant created) {}

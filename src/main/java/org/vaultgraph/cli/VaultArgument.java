package org.vaultgraph.cli;

import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The VAULT argument of the commands that take only a vault. */
final class VaultArgument {
    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "VAULT",
            description = "The vault folder (default: the current folder).")
    Path vault;
}

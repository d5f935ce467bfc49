package org.vaultgraph.cli;

/** A command that could not do its work for a reason outside the command line; reported in one line, exit code 1. */
final class CommandFailure extends RuntimeException {
    CommandFailure(String message) {
        super(message);
    }
}

package org.vaultgraph.cli;

import picocli.CommandLine.Command;

@Command(name = "serve")
final class ServeCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("not yet");
    }
}

package org.vaultgraph.cli;

import picocli.CommandLine;

/** The version from the jar's manifest, or "development" when run from classes. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"vaultgraph " + (version == null ? "(development build)" : version)};
    }
}

package org.vaultgraph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vaultgraph.generate.VaultGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vaultgraph generate}: writes a synthetic research vault for benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes a synthetic research vault shaped like data/vault, the same for the same --notes and --seed.",
            "It holds insights linking to therapies, anatomy and outcomes and citing sources, concept notes with their tag "
                + "tables, tags, fields, and a few links to notes not written yet."})
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--notes", required = true, paramLabel = "N", description = "How many notes to write (at least 10).")
    int notes;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "A new or empty folder to write the vault into.")
    Path out;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of the random choices (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        VaultGenerator generator;
        try {
            generator = new VaultGenerator(notes, seed);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        VaultGenerator.Summary summary;
        try {
            summary = generator.write(out);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        spec.commandLine().getErr().printf("wrote %d notes (%d insights, %d therapies, %d anatomy, %d outcomes, %d sources; "
                        + "%d links to notes not written yet), %.1f MB, to %s%n", summary.notes(), summary.insights(), summary.therapies(),
                summary.anatomy(), summary.outcomes(), summary.sources(), summary.brokenLinks(), summary.bytes() / 1e6, out);
        return 0;
    }
}

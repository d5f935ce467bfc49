package org.vaultgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.vaultgraph.VaultGraph;
import org.vaultgraph.store.VaultLoader;
import org.vaultgraph.vault.Problem;
import picocli.CommandLine.Option;

/** The options every command that reads a vault shares. */
final class VaultOptions {
    private static final int PROBLEMS_SHOWN = 20;

    @Option(names = "--base", paramLabel = "IRI",
            description = "Base IRI of the vault's notes, tags and fields. Default: the mapping file's base, else the%n  address serve listens on, else%n  http://127.0.0.1:3030/")
    String base;

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "Mapping file saying which notes are insights, therapies, anatomy... Default:%n  VAULT/.vaultgraph.yaml, else the built-in mapping.")
    Path mapping;

    @Option(names = "--quiet", description = "Do not list the problems found in the vault, nor the load's progress (a store moved aside is still said).")
    boolean quiet;

    /** The vault's graph with these options; progress and the store's news go to {@code err} unless quiet. */
    VaultGraph.Builder graph(Path vault, PrintWriter err) {
        return VaultGraph.builder().vault(vault).base(base).mapping(mapping).progress(line -> {
            if (!quiet) {
                err.println(line);
                err.flush();
            }
        }).notices(line -> {
            err.println(line);
            err.flush();
        });
    }

    /** Reads the graph's vault, listing its problems on {@code err}. */
    VaultGraph.ReadReport read(VaultGraph graph, PrintWriter err) {
        VaultGraph.ReadReport report = graph.read();
        reportProblems(report.problems(), report.problemsNotKept(), err);
        return report;
    }

    VaultLoader loader(PrintWriter err) {
        return VaultLoader.builder().base(base).mappingFile(mapping).progress(line -> {
            if (!quiet) {
                err.println("  " + line);
                err.flush();
            }
        }).build();
    }

    void reportProblems(List<Problem> problems, long dropped, PrintWriter err) {
        if (quiet || (problems.isEmpty() && dropped == 0)) return;
        long total = problems.size() + dropped;
        err.println(total + (total == 1 ? " problem" : " problems") + " in the vault (the rest of it loaded):");
        problems.stream().limit(PROBLEMS_SHOWN).forEach(p -> err.println("  " + p));
        if (total > PROBLEMS_SHOWN) err.println("  ... and " + (total - PROBLEMS_SHOWN) + " more");
        err.flush();
    }
}

package org.vaultgraph.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.vaultgraph.bench.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vaultgraph bench}: measures vaultgraph on generated vaults, next to the floors of the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures vaultgraph on generated vaults of the given sizes and prints a markdown table.",
            "Each vault is generated once and kept in --dir for the next run. The table gives reading, conversion, loading "
                + "(memory and TDB2), serving, tag-table latency over HTTP, a base view, publishing, sync after an edit and heap, each "
                + "next to floors measured in the same run: reading the files only, and flexmark parsing only.",
            "Give the JVM room for the largest size, for example:%n  java -Xmx6g -jar target/vaultgraph.jar bench"})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--notes", split = ",", defaultValue = "1000,10000,100000", paramLabel = "N",
            description = "Vault sizes, separated by commas (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--seed", defaultValue = "7", paramLabel = "S", description = "Seed of the generated vaults (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dir", defaultValue = "target/bench", paramLabel = "DIR",
            description = "Where the generated vaults and scratch stores go (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--base-view", description = "Measure only a base view (the tag table as a base) on each vault, loaded in memory.")
    boolean baseViewOnly;

    @Override
    public Integer call() throws Exception {
        for (int size : sizes) if (size < 10) throw new UsageException("a benchmark vault has at least 10 notes, not " + size);
        if (baseViewOnly) {
            new org.vaultgraph.bench.BaseViewBenchmark(spec.commandLine().getOut()).run(dir, seed, sizes);
            return 0;
        }
        new Benchmark(dir, seed, spec.commandLine().getOut()).run(sizes);
        return 0;
    }
}

package org.vaultgraph.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
            "Each vault also gets rows measured as whole processes: the floor (a process that reads every note and parses it "
                + "with flexmark, on one thread), export and serve (start to first answer), with their ratios to the floor; and "
                + "commands on a one-note vault.",
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

    @Option(names = "--vault", paramLabel = "DIR",
            description = "Also measure this vault folder (repeat for more); it is only read. With --vault and no --notes, only the folders are measured.")
    List<Path> vaults = new ArrayList<>();

    @Option(names = "--processes-only",
            description = "Only the rows measured as whole processes (the floor, export, serve, one-note commands): quicker on big vaults.")
    boolean processesOnly;

    @Option(names = "--process-heap", defaultValue = "-Xmx3g", paramLabel = "OPTION",
            description = "The heap option of every process the benchmark starts (default: ${DEFAULT-VALUE}).")
    String processHeap;

    @Override
    public Integer call() throws Exception {
        for (int size : sizes) if (size < 10) throw new UsageException("a benchmark vault has at least 10 notes, not " + size);
        if (baseViewOnly) {
            new org.vaultgraph.bench.BaseViewBenchmark(spec.commandLine().getOut()).run(dir, seed, sizes);
            return 0;
        }
        for (Path vault : vaults) if (!Files.isDirectory(vault)) throw new UsageException("--vault " + vault + ": not a folder");
        if (!processHeap.startsWith("-Xmx")) throw new UsageException("--process-heap takes a heap option such as -Xmx3g");
        boolean sizesGiven = spec.commandLine().getParseResult().hasMatchedOption("--notes");
        List<Integer> generated = vaults.isEmpty() || sizesGiven ? sizes : List.of();
        new Benchmark(dir, seed, spec.commandLine().getOut(), processesOnly, processHeap).run(generated, vaults);
        return 0;
    }
}

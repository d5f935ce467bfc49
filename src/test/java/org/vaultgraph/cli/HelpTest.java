package org.vaultgraph.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Every command's help, as printed on an 80-column terminal. */
class HelpTest {
    private static final int WIDTH = 80;

    private static List<CommandLine> commands() {
        CommandLine main = Main.commandLine();
        List<CommandLine> all = new ArrayList<>();
        all.add(main);
        main.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) all.add(sub);
        });
        return all;
    }

    @Test
    void everySummaryIsACompleteSentence() {
        for (CommandLine command : commands()) {
            CommandSpec spec = command.getCommandSpec();
            String summary = spec.usageMessage().description()[0];
            assertTrue(summary.endsWith("."), spec.qualifiedName() + ": '" + summary + "' stops mid-sentence");
            assertTrue(summary.chars().filter(c -> c == '(').count() == summary.chars().filter(c -> c == ')').count(),
                    spec.qualifiedName() + ": '" + summary + "' leaves a parenthesis open");
        }
    }

    @Test
    void everyHelpFitsEightyColumnsWithoutBreakingAnAddressPathOrOption() {
        List<String> broken = new ArrayList<>();
        for (CommandLine command : commands()) {
            String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            String name = command.getCommandSpec().qualifiedName();
            help.lines().filter(line -> line.length() > WIDTH).forEach(line -> broken.add(name + ": wider than " + WIDTH + ": " + line));
            for (String text : texts(command.getCommandSpec())) {
                for (String word : text.split("\\s+")) {
                    String token = word.replaceAll("^[('`\"\\[]+", "").replaceAll("[)'`\",;.:\\]]+$", "");
                    if (unbreakable(token) && !help.contains(token)) broken.add(name + ": '" + token + "' is broken across lines");
                }
            }
        }
        assertTrue(broken.isEmpty(), String.join("\n", broken));
    }

    /** What a reader copies whole: addresses, paths, options, a JVM flag. */
    private static boolean unbreakable(String token) {
        return token.contains("/") || token.matches(".*\\w\\.\\w.*") || token.startsWith(".") && token.length() > 1
                || token.startsWith("-") && token.length() > 2;
    }

    private static List<String> texts(CommandSpec spec) {
        List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
        texts.addAll(List.of(spec.usageMessage().footer()));
        Stream.concat(spec.options().stream(), spec.positionalParameters().stream())
                .map(ArgSpec::description).forEach(lines -> texts.addAll(List.of(lines)));
        return texts.stream().map(text -> text.replace("%n", " ")).toList();
    }
}

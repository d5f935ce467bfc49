package org.vaultgraph.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic research vault shaped like the sample vault: insights (one sentence each,
 * linking to therapies, anatomy and outcomes, citing a source), concept notes with their tag-table
 * dataview block, sources, tags, fields, and a few links to notes that do not exist. The same
 * notes count and seed always give the same files, so benchmark figures can be reproduced.
 *
 * <pre>{@code VaultGenerator.Summary s = new VaultGenerator(10_000, 42).write(Path.of("target/vault-10k"));}</pre>
 *
 * Of every 100 notes, about 70 are insights, 20 concepts (therapies, anatomy, outcomes) and 10
 * sources. Concepts are linked with a skewed distribution, so a few have long tag tables.
 */
public final class VaultGenerator {
    private static final DateTimeFormatter NOTE_NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH-mm-ss", Locale.ROOT);
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private static final String[] THERAPY_WORDS = {"Autologous", "Allogeneic", "Hypoxic-Cultured", "Bone Marrow", "Adipose-Derived",
        "Platelet-Rich", "Intradiscal", "Percutaneous", "Low-Dose", "Pulsed", "Extended-Release", "Combined"};
    private static final String[] THERAPY_NOUNS = {"Stem Cell Injection", "Plasma Injection", "Radiofrequency Ablation", "Ozone Therapy",
        "Growth Factor Injection", "Hydrogel Implant", "Gene Therapy", "Exercise Program", "Steroid Injection", "Disc Replacement"};
    private static final String[] ANATOMY_WORDS = {"Lumbar", "Cervical", "Thoracic", "Sacral", "Posterior", "Anterior", "Lateral", "Inner", "Outer"};
    private static final String[] ANATOMY_NOUNS = {"Annulus", "Nucleus", "Endplate", "Facet Joint", "Ligament", "Nerve Root",
        "Vertebral Body", "Disc Segment", "Muscle Group"};
    private static final String[] OUTCOME_WORDS = {"Pain", "Disability", "Mobility", "Disc Height", "Bulge Size", "Quality of Life",
        "Return to Work", "Opioid Use", "Sleep Quality", "Adverse Event Rate"};
    private static final String[] OUTCOME_NOUNS = {"Score", "Index", "Change", "at 6 Months", "at 12 Months", "Rating"};
    private static final String[] AUTHORS = {"Ahmed", "Berg", "Chen", "Dubois", "Evans", "Fischer", "Garcia", "Huang", "Ivanova",
        "Jensen", "Kim", "Lopez", "Meyer", "Nakamura", "Okafor", "Patel", "Rossi", "Silva", "Tanaka", "Weber"};
    private static final String[] JOURNALS = {"Journal of Translational Medicine", "Spine", "European Spine Journal",
        "Stem Cell Research & Therapy", "Pain Physician", "The Spine Journal"};
    private static final String[] VERBS = {"reduces", "improves", "does not change", "may increase", "correlates with", "predicts"};
    private static final String[] TAGS = {"research/spine", "research/cells", "to-review", "replicated", "contested"};

    private final int notes;
    private final long seed;

    /**
     * @param notes how many notes to write (at least 10)
     * @param seed  the seed of every random choice
     */
    public VaultGenerator(int notes, long seed) {
        if (notes < 10) throw new IllegalArgumentException("a generated vault has at least 10 notes, not " + notes);
        this.notes = notes;
        this.seed = seed;
    }

    /** What was written. */
    public record Summary(int insights, int therapies, int anatomy, int outcomes, int sources, int brokenLinks, long bytes) {
        public int notes() {
            return insights + therapies + anatomy + outcomes + sources + 1;
        }
    }

    /** Writes the vault into {@code out}, which must not exist or be an empty folder. */
    public Summary write(Path out) throws IOException {
        if (Files.exists(out)) {
            try (var entries = Files.list(out)) {
                if (entries.findAny().isPresent()) throw new IllegalArgumentException(out + " is not empty; choose a new folder");
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        int sources = Math.max(1, notes / 10);
        int concepts = Math.max(3, notes / 5);
        int therapies = Math.max(1, concepts / 4);
        int anatomy = Math.max(1, concepts * 2 / 5);
        int outcomes = Math.max(1, concepts - therapies - anatomy);
        int insights = notes - 1 - sources - therapies - anatomy - outcomes;

        List<String> therapyNames = names(therapies, THERAPY_WORDS, THERAPY_NOUNS);
        List<String> anatomyNames = names(anatomy, ANATOMY_WORDS, ANATOMY_NOUNS);
        List<String> outcomeNames = names(outcomes, OUTCOME_WORDS, OUTCOME_NOUNS);
        List<String> sourceNames = new ArrayList<>();
        for (int i = 0; i < sources; i++) sourceNames.add(AUTHORS[i % AUTHORS.length] + " et al. " + (2000 + i % 25) + " " + (i / AUTHORS.length + 1));

        long[] bytes = {0};
        Files.createDirectories(out.resolve(".obsidian"));
        bytes[0] += write(out.resolve(".vaultgraph.yaml"), resource("generated-vault.yaml"));
        bytes[0] += write(out.resolve("Meta/FileClasses/Research Links.md"), "---\nicon: package\nfilesPaths:\n  - Research/Insights\n---\n"
                + "A *Research Links* note holds one insight taken from a source.\n");
        for (String name : therapyNames) bytes[0] += write(out.resolve("Research/Tags/" + name + ".md"), concept("therapy", name, random));
        for (String name : anatomyNames) bytes[0] += write(out.resolve("Research/Tags/" + name + ".md"), concept("anatomy", name, random));
        for (String name : outcomeNames) bytes[0] += write(out.resolve("Research/Tags/" + name + ".md"), concept("outcome", name, random));
        for (int i = 0; i < sources; i++) bytes[0] += write(out.resolve("Research/Sources/" + sourceNames.get(i) + ".md"), source(i, random));

        int broken = 0;
        LocalDateTime time = LocalDateTime.of(2020, 1, 6, 9, 0, 0);
        for (int i = 0; i < insights; i++) {
            time = time.plusSeconds(60 + random.nextInt(86_400));
            StringBuilder text = new StringBuilder("---\nfileClass: Research Links\ncreated: ").append(CREATED.format(time))
                    .append("\nsource: \"[[").append(sourceNames.get(skewed(random, sources))).append("]]\"\noutcomes:\n");
            String outcome = outcomeNames.get(skewed(random, outcomes));
            text.append("  - \"[[").append(outcome).append("]]\"\ntags:\n  - insight\n");
            if (random.nextInt(4) == 0) text.append("  - ").append(TAGS[random.nextInt(TAGS.length)]).append('\n');
            text.append("---\ninsight:: ");
            String therapy = therapyNames.get(skewed(random, therapies));
            String site = anatomyNames.get(skewed(random, anatomy));
            int percent = 5 + random.nextInt(90);
            text.append(percent).append("% of patients given [[").append(therapy).append("]] in the [[").append(site).append("]] ")
                    .append(VERBS[random.nextInt(VERBS.length)]).append(" [[").append(outcome).append("]]");
            if (random.nextInt(3) == 0) {
                text.append(" compared with [[").append(therapyNames.get(skewed(random, therapies))).append("|the usual care]]");
            }
            if (random.nextInt(50) == 0) {
                // A link to a note not written yet, as real vaults have.
                text.append(", see [[Unwritten Note ").append(random.nextInt(Math.max(1, notes / 100))).append("]]");
                broken++;
            }
            text.append('\n');
            if (random.nextInt(5) == 0) text.append("\nconfidence:: ").append(1 + random.nextInt(5)).append('\n');
            bytes[0] += write(out.resolve("Research/Insights/" + NOTE_NAME.format(time) + ".md"), text.toString());
        }
        return new Summary(insights, therapies, anatomy, outcomes, sources, broken, bytes[0]);
    }

    /** Distinct names from two word lists, numbered once the combinations run out. */
    private static List<String> names(int count, String[] first, String[] second) {
        List<String> out = new ArrayList<>(count);
        int combinations = first.length * second.length;
        for (int i = 0; i < count; i++) {
            String name = first[i % first.length] + " " + second[(i / first.length) % second.length];
            out.add(i < combinations ? name : name + " " + (i / combinations + 1));
        }
        return out;
    }

    /** An index in [0, n) where small indexes are much more likely: a few concepts get most of the links. */
    private static int skewed(SplittableRandom random, int n) {
        double u = random.nextDouble();
        return (int) Math.min(n - 1, Math.floor(n * u * u * u));
    }

    private static String concept(String type, String name, SplittableRandom random) {
        return "---\ndg-publish: true\ntype: " + type + "\naliases:\n  - " + acronym(name) + "\nupdated: 2025-0" + (1 + random.nextInt(9)) + "-1"
                + random.nextInt(10) + "T1" + random.nextInt(10) + ":30:00-05:00\n---\n# Tagged Content\n```dataview\n"
                + "TABLE WITHOUT ID file.link AS \"Insights\", insight AS \"\"\nFROM [[]] AND \"Research/Insights\"\nSORT created DESC\n```\n";
    }

    private static String acronym(String name) {
        StringBuilder out = new StringBuilder();
        for (String word : name.split("[ -]")) if (!word.isEmpty() && Character.isLetter(word.charAt(0))) out.append(word.charAt(0));
        return out.toString();
    }

    private static String source(int i, SplittableRandom random) {
        return "---\ndg-publish: true\ntitle: \"A synthetic study " + (i + 1) + " of disc treatments\"\nauthor: " + AUTHORS[i % AUTHORS.length] + " "
                + (char) ('A' + random.nextInt(26)) + "\njournal: " + JOURNALS[random.nextInt(JOURNALS.length)] + "\nyear: "
                + (2000 + i % 25) + "\ndoi: 10.5555/vaultgraph-" + (i + 1) + "\n---\n# Insights from this source\n```dataview\n"
                + "TABLE WITHOUT ID file.link AS \"Insights\", insight AS \"\"\nFROM [[]] AND \"Research/Insights\"\nSORT created DESC\n```\n";
    }

    private static long write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);
        return bytes.length;
    }

    private static String resource(String name) {
        try (InputStream in = VaultGenerator.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

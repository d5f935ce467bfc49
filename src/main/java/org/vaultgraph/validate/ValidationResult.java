package org.vaultgraph.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.shacl.ValidationReport;

/**
 * What {@code validate} found: the findings a person reads (vault checks and SHACL results, by note
 * and line), and the SHACL report itself for tools.
 *
 * @param findings     every finding, sorted by note path and line
 * @param shaclReport  the report of the SHACL shapes alone
 * @param notesChecked how many notes were checked
 */
public record ValidationResult(List<Finding> findings, ValidationReport shaclReport, int notesChecked) {
    /** Notes named for one missing target, and lines named for one note; the rest are counted. */
    private static final int NOTES_SHOWN = 3;
    private static final int LINES_SHOWN = 8;
    private static final int FORMS_SHOWN = 4;

    public long count(Finding.Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** Whether the vault passes: no errors, and with {@code strict} no warnings either. */
    public boolean passes(boolean strict) {
        return count(Finding.Severity.ERROR) == 0 && (!strict || count(Finding.Severity.WARNING) == 0);
    }

    /**
     * The report for people: findings grouped by note; then links whose target is not in the vault,
     * one entry per target (files, aliases, notes), most linked first; then a summary line.
     */
    public String text() {
        Map<String, List<Finding>> byPath = new TreeMap<>();
        for (Finding f : findings) {
            if (f.missing() == null) byPath.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(f);
        }
        StringBuilder out = new StringBuilder();
        byPath.forEach((path, list) -> {
            out.append(path).append('\n');
            for (Finding f : list) {
                String where = f.where();
                out.append(String.format("  %-8s %s%s%n", f.severity().label(), where.isEmpty() ? "" : where + ": ", f.message()));
                if (!f.fix().isEmpty()) out.append("           fix: ").append(f.fix()).append('\n');
            }
        });
        for (Finding.Missing.Kind kind : Finding.Missing.Kind.values()) appendMissing(kind, out);
        if (!findings.isEmpty()) out.append('\n');
        out.append(summary()).append('\n');
        return out.toString();
    }

    private void appendMissing(Finding.Missing.Kind kind, StringBuilder out) {
        Map<String, List<Finding>> byTarget = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.missing() != null && f.missing().kind() == kind) byTarget.computeIfAbsent(f.missing().key(), k -> new ArrayList<>()).add(f);
        }
        if (byTarget.isEmpty()) return;
        if (out.length() > 0) out.append('\n');
        out.append(switch (kind) {
            case FILE -> "Links to files that are not in the vault:";
            case ALIAS -> "Links that name a note by one of its aliases, which Obsidian does not follow:";
            case NOTE -> "Links to notes that do not exist (a placeholder for a note not written yet is fine):";
        }).append('\n');
        List<List<Finding>> groups = new ArrayList<>(byTarget.values());
        groups.sort(Comparator.<List<Finding>>comparingInt(List::size).reversed()
                .thenComparing(g -> g.get(0).missing().name().toLowerCase(java.util.Locale.ROOT)));
        for (List<Finding> group : groups) appendGroup(group, out);
    }

    /** One missing target: how it is written, how often and where, and the fix. */
    private static void appendGroup(List<Finding> links, StringBuilder out) {
        Finding.Missing first = links.get(0).missing();
        Map<String, List<Finding>> byNote = new LinkedHashMap<>();
        Set<String> forms = new LinkedHashSet<>();
        for (Finding f : links) {
            byNote.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(f);
            forms.add(f.missing().written());
        }
        StringBuilder head = new StringBuilder(first.plain()).append(": ").append(plural(links.size(), "link"));
        if (byNote.size() > 1) head.append(" in ").append(plural(byNote.size(), "note"));
        // Headings and blocks are named, so that [[Example#Details]] is not taken for [[Example]].
        if (!forms.equals(Set.of(first.plain()))) {
            head.append(", written ").append(String.join(", ", forms.stream().limit(FORMS_SHOWN).toList()));
            if (forms.size() > FORMS_SHOWN) head.append(" and ").append(forms.size() - FORMS_SHOWN).append(" more");
        }
        out.append(String.format("  %-8s %s%n", links.get(0).severity().label(), head));
        List<String> places = new ArrayList<>();
        byNote.entrySet().stream().limit(NOTES_SHOWN)
                .forEach(e -> places.add(e.getKey() + " " + (links.size() == 1 ? links.get(0).where() : lines(e.getValue()))));
        if (byNote.size() > NOTES_SHOWN) places.add("and " + plural(byNote.size() - NOTES_SHOWN, "more note"));
        out.append("           in ").append(String.join("; ", places)).append('\n');
        String fix = links.size() > 1 && first.fix().endsWith(" the link") ? first.fix() + "s" : first.fix();
        out.append("           fix: ").append(fix).append('\n');
    }

    private static String lines(List<Finding> links) {
        List<String> numbers = links.stream().map(f -> Integer.toString(f.line())).distinct().toList();
        String shown = String.join(", ", numbers.subList(0, Math.min(LINES_SHOWN, numbers.size())));
        return (numbers.size() == 1 ? "line " : "lines ") + shown
                + (numbers.size() > LINES_SHOWN ? " and " + (numbers.size() - LINES_SHOWN) + " more" : "");
    }

    private String summary() {
        if (findings.isEmpty()) return notesChecked + " notes checked: no problems found.";
        long errors = count(Finding.Severity.ERROR);
        long warnings = count(Finding.Severity.WARNING);
        long notes = findings.stream().map(Finding::path).distinct().count();
        long links = findings.stream().filter(f -> f.missing() != null).count();
        long targets = findings.stream().filter(f -> f.missing() != null).map(f -> f.missing().key()).distinct().count();
        return plural(errors, "error") + ", " + plural(warnings, "warning") + " in " + plural(notes, "note") + " (" + notesChecked
                + " notes checked)" + (links == 0 ? "" : "; the warnings include " + plural(links, "link") + " to "
                + plural(targets, "missing target")) + ".";
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}

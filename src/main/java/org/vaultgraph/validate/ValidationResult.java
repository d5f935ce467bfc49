package org.vaultgraph.validate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.ArrayList;
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

    public long count(Finding.Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** Whether the vault passes: no errors, and with {@code strict} no warnings either. */
    public boolean passes(boolean strict) {
        return count(Finding.Severity.ERROR) == 0 && (!strict || count(Finding.Severity.WARNING) == 0);
    }

    /** The report for people: findings grouped by note, then a summary line. */
    public String text() {
        Map<String, List<Finding>> byPath = new TreeMap<>();
        for (Finding f : findings) byPath.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(f);
        StringBuilder out = new StringBuilder();
        byPath.forEach((path, list) -> {
            out.append(path).append('\n');
            for (Finding f : list) {
                String where = f.where();
                out.append(String.format("  %-8s %s%s%n", f.severity().label(), where.isEmpty() ? "" : where + ": ", f.message()));
                if (!f.fix().isEmpty()) out.append("           fix: ").append(f.fix()).append('\n');
            }
        });
        if (!findings.isEmpty()) out.append('\n');
        out.append(summary()).append('\n');
        return out.toString();
    }

    private String summary() {
        if (findings.isEmpty()) return notesChecked + " notes checked: no problems found.";
        long errors = count(Finding.Severity.ERROR);
        long warnings = count(Finding.Severity.WARNING);
        long notes = findings.stream().map(Finding::path).distinct().count();
        return plural(errors, "error") + ", " + plural(warnings, "warning") + " in " + plural(notes, "note") + " (" + notesChecked
                + " notes checked).";
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}

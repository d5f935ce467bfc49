package org.vaultgraph.dql;

/**
 * Luxon's date format tokens (as Dataview's {@code dateformat()} takes them) as SPARQL over the
 * date's lexical form: yyyy, yy, MMMM, MMM, MM, M, dd, d, HH, H, hh, h, a, mm, m, ss, s and 'quoted text'.
 *
 * <pre>{@code DateFormats.sparql("?d", "yyyy-MM-dd") // CONCAT(SUBSTR(...), "-", ...)}</pre>
 */
final class DateFormats {
    private DateFormats() {}

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};

    static String sparql(String date, String format) {
        String text = "CONCAT(STR(" + date + "), \"T00:00:00\")"; // a date alone reads as its midnight
        StringBuilder out = new StringBuilder("CONCAT(\"\"");
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c == '\'') {
                int end = format.indexOf('\'', i + 1);
                if (end < 0) end = format.length();
                out.append(", ").append(Sparql.string(format.substring(i + 1, end)));
                i = end + 1;
                continue;
            }
            int run = 1;
            while (i + run < format.length() && format.charAt(i + run) == c) run++;
            if (Character.isLetter(c)) {
                out.append(", ").append(token(text, c, run, format));
            } else {
                out.append(", ").append(Sparql.string(format.substring(i, i + run)));
            }
            i += run;
        }
        return out.append(")").toString();
    }

    private static String token(String text, char c, int run, String format) {
        String year = "SUBSTR(" + text + ", 1, 4)";
        String month = "SUBSTR(" + text + ", 6, 2)";
        switch (c) {
            case 'y':
                if (run == 2) return "SUBSTR(" + text + ", 3, 2)";
                if (run == 4) return year;
                break;
            case 'M':
            case 'L':
                if (run == 2) return month;
                if (run == 1) return "STR(xsd:integer(" + month + "))";
                if (run == 3 || run == 4) return monthName(month, run == 3);
                break;
            case 'd':
                return padded(text, 9, run);
            case 'H':
                return padded(text, 12, run);
            case 'h': {
                String hour = "xsd:integer(SUBSTR(" + text + ", 12, 2))";
                String twelve = "STR(IF(" + hour + " = 0, 12, IF(" + hour + " > 12, " + hour + " - 12, " + hour + ")))";
                return run == 1 ? twelve : "IF(STRLEN(" + twelve + ") = 1, CONCAT(\"0\", " + twelve + "), " + twelve + ")";
            }
            case 'a':
                return "IF(xsd:integer(SUBSTR(" + text + ", 12, 2)) < 12, \"AM\", \"PM\")";
            case 'm':
                return padded(text, 15, run);
            case 's':
                return padded(text, 18, run);
            default:
                break;
        }
        throw new DqlException("not supported yet: the date format token '" + String.valueOf(c).repeat(run) + "' in \"" + format + "\"");
    }

    private static String padded(String text, int position, int run) {
        String two = "SUBSTR(" + text + ", " + position + ", 2)";
        if (run == 2) return two;
        if (run == 1) return "STR(xsd:integer(" + two + "))";
        throw new DqlException("not supported yet: a date format token of " + run + " letters");
    }

    private static String monthName(String month, boolean shortName) {
        StringBuilder out = new StringBuilder();
        for (int m = 1; m <= 12; m++) {
            String name = shortName ? MONTHS[m - 1].substring(0, 3) : MONTHS[m - 1];
            out.append("IF(xsd:integer(").append(month).append(") = ").append(m).append(", ").append(Sparql.string(name)).append(", ");
        }
        return out.append("\"\"").append(")".repeat(12)).toString();
    }
}

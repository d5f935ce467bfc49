package org.vaultgraph.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An {@code Accept} header read as RFC 9110 (section 12.5.1) says: media types compared without regard
 * to case, the most specific range that matches a type gives its weight, and a weight of 0 means "not
 * this". A range that cannot be read is left out.
 *
 * <pre>{@code MediaRanges.parse("text/*;q=0.5, text/turtle;q=0").choose(List.of("text/turtle", "text/html")) // "text/html"}</pre>
 */
final class MediaRanges {
    private record Range(String type, String subtype, double q) {
        /** 2 for type/subtype, 1 for type/*, 0 for * /*, -1 when it does not match. */
        int specificity(String offeredType, String offeredSubtype) {
            if (type.equals("*")) return subtype.equals("*") ? 0 : -1;
            if (!type.equals(offeredType)) return -1;
            if (subtype.equals("*")) return 1;
            return subtype.equals(offeredSubtype) ? 2 : -1;
        }
    }

    private final List<Range> ranges;

    private MediaRanges(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** The ranges of a header; a missing or blank header accepts anything. */
    static MediaRanges parse(String header) {
        List<Range> ranges = new ArrayList<>();
        if (header == null || header.isBlank()) {
            ranges.add(new Range("*", "*", 1));
            return new MediaRanges(ranges);
        }
        for (String part : header.split(",")) {
            String[] pieces = part.split(";");
            String[] type = pieces[0].strip().toLowerCase(Locale.ROOT).split("/", -1);
            if (type.length != 2 || type[0].isEmpty() || type[1].isEmpty()) continue;
            if (type[0].equals("*") && !type[1].equals("*")) continue;
            double q = 1;
            boolean readable = true;
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].strip();
                int equals = parameter.indexOf('=');
                if (equals < 0 || !parameter.substring(0, equals).strip().equalsIgnoreCase("q")) continue;
                String value = parameter.substring(equals + 1).strip();
                if (!value.matches("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?")) {
                    readable = false;
                } else {
                    q = Double.parseDouble(value);
                }
                // Parameters after the weight are extensions of the range; they do not change the match.
                break;
            }
            if (readable) ranges.add(new Range(type[0], type[1], q));
        }
        return new MediaRanges(ranges);
    }

    /** The weight the client gives a media type: that of the most specific range matching it, 0 when none does. */
    double weight(String mediaType) {
        String[] offered = mediaType.toLowerCase(Locale.ROOT).split("/", 2);
        int best = -1;
        double weight = 0;
        for (Range range : ranges) {
            int specificity = range.specificity(offered[0], offered[1]);
            // Among equally specific ranges (a repeated type), the lower weight holds.
            if (specificity > best || (specificity == best && specificity >= 0 && range.q() < weight)) {
                best = specificity;
                weight = range.q();
            }
        }
        return best < 0 ? 0 : weight;
    }

    /** The offered type with the highest weight above 0, the earlier one on a tie; null when none is acceptable. */
    String choose(List<String> offered) {
        String chosen = null;
        double chosenWeight = 0;
        for (String type : offered) {
            double w = weight(type);
            if (w > chosenWeight) {
                chosen = type;
                chosenWeight = w;
            }
        }
        return chosen;
    }
}

package org.vaultgraph.dql.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as JavaScript writes and reads them: Dataview's numbers are JavaScript doubles, so its text
 * for 0.1 + 0.2 is "0.30000000000000004" and for 1e21 is "1e+21".
 *
 * <pre>{@code JsNumbers.toString(3.0) // "3"}</pre>
 */
public final class JsNumbers {
    private JsNumbers() {}

    /** {@code Number.prototype.toString()}: the shortest digits that read back as the same double. */
    public static String toString(double value) {
        if (Double.isNaN(value)) return "NaN";
        if (Double.isInfinite(value)) return value > 0 ? "Infinity" : "-Infinity";
        if (value == 0) return "0";
        if (value < 0) return "-" + toString(-value);
        BigDecimal shortest = shortestDigits(value);
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale();
        if (k <= n && n <= 21) return digits + "0".repeat(n - k);
        if (0 < n && n <= 21) return digits.substring(0, n) + "." + digits.substring(n);
        if (-6 < n && n <= 0) return "0." + "0".repeat(-n) + digits;
        String exponent = (n - 1 >= 0 ? "+" : "-") + Math.abs(n - 1);
        return (k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1)) + "e" + exponent;
    }

    /** The fewest significant digits that still read back as {@code value}, without trailing zeros. */
    private static BigDecimal shortestDigits(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == value) return rounded.stripTrailingZeros();
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    /** {@code Number.prototype.toFixed(digits)}: the exact binary value rounded half up. */
    public static String toFixed(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value) || Math.abs(value) >= 1e21) return toString(value);
        return new BigDecimal(value).setScale(digits, RoundingMode.HALF_UP).toPlainString();
    }

    /** {@code Math.round}: halves go up, towards positive infinity. */
    public static double round(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) return value;
        return Math.floor(value + 0.5);
    }

    /** Whether a double is a whole number that JavaScript would use as an array index or a repeat count. */
    public static boolean isInteger(double value) {
        return !Double.isInfinite(value) && value == Math.rint(value);
    }

    /**
     * {@code Number.parseFloat} of the first number in {@code text} matched by {@code -?[0-9]+(\.[0-9]+)?}, as
     * Dataview's {@code number()} reads one; null when there is none.
     */
    public static Double firstNumber(String text) {
        java.util.regex.Matcher m = NUMBER.matcher(text);
        return m.find() ? Double.parseDouble(m.group()) : null;
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    /** JavaScript's {@code %}: the remainder with the dividend's sign. */
    public static double remainder(double a, double b) {
        return a % b; // Java's % on doubles is JavaScript's
    }
}

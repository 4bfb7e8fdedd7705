package org.hprofdiff.core.summary.diff;

import java.util.Locale;

/**
 * Numbers as people read them, shared by the verdict, CI breach lines and renderers so that all say the
 * same thing. Byte units are binary (1 KB = 1024 bytes), as JVM tools print them.
 */
public final class Units {

    private static final String[] BYTE_UNITS = {"B", "KB", "MB", "GB", "TB"};

    private Units() {}

    /** {@code 1536 → "1.5 KB"}, {@code 812 → "812 B"}. */
    public static String bytes(double bytes) {
        double magnitude = Math.abs(bytes);
        int unit = 0;
        while (magnitude >= 1024 && unit < BYTE_UNITS.length - 1) {
            magnitude /= 1024;
            unit++;
        }
        String sign = bytes < 0 ? "-" : "";
        return unit == 0 ? sign + Math.round(magnitude) + " B" : sign + String.format(Locale.ROOT, "%.1f %s", magnitude, BYTE_UNITS[unit]);
    }

    /** Like {@link #bytes} with an explicit sign for growth: {@code "+1.5 KB"}, {@code "-812 B"}, {@code "0 B"}. */
    public static String signedBytes(double bytes) {
        return (bytes > 0 ? "+" : "") + bytes(bytes);
    }

    /** {@code 1234567 → "1,234,567"}. */
    public static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** {@code "+1,200"}, {@code "-3"}, {@code "0"}. */
    public static String signedCount(long count) {
        return (count > 0 ? "+" : "") + count(count);
    }

    /** {@code 12.345 → "+12.3%"}; "n/a" for null (no base to compare with). */
    public static String signedPercent(Double percent) {
        return percent == null ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", percent);
    }

    /** A count per hour, e.g. {@code "+16.7/h"}. */
    public static String countRate(double perHour) {
        return String.format(Locale.ROOT, "%+,.1f/h", perHour);
    }

    /** A byte rate, e.g. {@code "+1.1 MB/h"}. */
    public static String byteRate(double bytesPerHour) {
        return signedBytes(bytesPerHour) + "/h";
    }
}

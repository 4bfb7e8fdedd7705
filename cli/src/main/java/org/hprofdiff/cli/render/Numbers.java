package org.hprofdiff.cli.render;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers read in text output. CSV and JSON carry raw numbers instead. */
public final class Numbers {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

    private Numbers() {}

    /** {@code 1234567} → {@code 1,234,567}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Like {@link #count} with a sign: {@code +200}, {@code -3}, {@code 0}. */
    public static String signed(long n) {
        return n > 0 ? "+" + count(n) : count(n);
    }

    /** Bytes in 1024-based units with three significant digits: {@code 1.13 MB}, {@code 512 B}. */
    public static String bytes(long n) {
        double v = Math.abs((double) n);
        int unit = 0;
        while (v >= 1024 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        String sign = n < 0 ? "-" : "";
        if (unit == 0) return sign + (long) v + " B";
        String digits = v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : v >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
        return sign + digits + " " + UNITS[unit];
    }

    public static String signedBytes(long n) {
        return n > 0 ? "+" + bytes(n) : bytes(n);
    }

    /** Share of a whole as a percentage with one decimal. */
    public static String percent(long part, long whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    /** A span of time in the largest unit that keeps it readable: {@code 2.0 s}, {@code 45 min}, {@code 12.0 h}, {@code 3.5 d}. */
    public static String duration(long millis) {
        double s = millis / 1000.0;
        if (s < 60) return String.format(Locale.ROOT, "%.1f s", s);
        if (s < 3600) return String.format(Locale.ROOT, "%.0f min", s / 60);
        if (s < 48 * 3600) return String.format(Locale.ROOT, "%.1f h", s / 3600);
        return String.format(Locale.ROOT, "%.1f d", s / 86400);
    }

    /** Epoch milliseconds as UTC date and time; 0 (the header had none) as "unknown". */
    public static String time(long epochMillis) {
        return epochMillis == 0 ? "unknown" : UTC.format(Instant.ofEpochMilli(epochMillis));
    }
}

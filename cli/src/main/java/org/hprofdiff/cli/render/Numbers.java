package org.hprofdiff.cli.render;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Shares and times as text output shows them; counts and bytes are {@link org.hprofdiff.core.summary.diff.Units}'s,
 * so every report and the diff's own sentences read alike. CSV and JSON carry raw numbers.
 */
public final class Numbers {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Numbers() {}

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

package org.hprofdiff.cli.render.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hprofdiff.core.summary.diff.Units;

/**
 * The y axis of a chart: a range with round tick steps. The range starts at zero unless the values stay
 * in the upper half of it (then a zero base would flatten real growth into a line); byte axes step in
 * binary units so ticks read "2.0 MB", not "1.9 MB".
 *
 * @param lo    lowest tick
 * @param hi    highest tick
 * @param step  distance between ticks (at least 1)
 * @param unit  how values and ticks read
 */
record ValueAxis(long lo, long hi, long step, Unit unit) {

    /** What a chart counts. */
    enum Unit {
        OBJECTS("objects"), BYTES("bytes");

        final String word;

        Unit(String word) { this.word = word; }

        /** Short tick label: "1.5M" objects, "2.0 MB". */
        String tick(long v) {
            return this == BYTES ? Units.bytes(v) : compactCount(v);
        }

        /** Exact value for a tooltip: "1,200 objects", "1,048,576 bytes (1.0 MB)". */
        String exact(long v) {
            return this == BYTES ? Units.count(v) + " bytes (" + Units.bytes(v) + ")" : Units.count(v) + " objects";
        }
    }

    private static final int TICKS = 4;

    static ValueAxis of(List<Long> values, Unit unit) {
        long min = values.stream().mapToLong(Long::longValue).min().orElse(0);
        long max = values.stream().mapToLong(Long::longValue).max().orElse(0);
        long lo = min >= 0 && min <= max / 2 ? 0 : min;
        long hi = max;
        if (hi == lo) {
            lo = Math.min(0, lo);
            hi = Math.max(1, hi);
        }
        long step = niceStep((hi - lo) / (double) TICKS, unit);
        lo = Math.floorDiv(lo, step) * step;
        hi = -Math.floorDiv(-hi, step) * step;
        if (hi == lo) hi = lo + step;
        return new ValueAxis(lo, hi, step, unit);
    }

    List<Long> ticks() {
        List<Long> ticks = new ArrayList<>();
        for (long t = lo; t <= hi; t += step) ticks.add(t);
        return ticks;
    }

    /** Where {@code v} lies between lo (0) and hi (1). */
    double fraction(long v) {
        return (v - lo) / (double) (hi - lo);
    }

    /** 1, 2 or 5 times a power of ten; for bytes, of the binary unit that keeps the number below 1024. */
    static long niceStep(double raw, Unit unit) {
        if (raw <= 1) return 1;
        double scale = 1;
        if (unit == Unit.BYTES) {
            while (raw / scale >= 1024) scale *= 1024;
        }
        double m = raw / scale;
        double power = Math.pow(10, Math.floor(Math.log10(m)));
        double f = m / power;
        double nice = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
        if (unit == Unit.BYTES && nice >= 1000) nice = 1024;
        return Math.max(1, Math.round(nice * scale));
    }

    /** 950 → "950", 12000 → "12k", 1500000 → "1.5M". */
    static String compactCount(long v) {
        long a = Math.abs(v);
        if (a < 1_000) return Long.toString(v);
        String[] suffix = {"k", "M", "G", "T"};
        double scaled = v;
        int i = -1;
        while (Math.abs(scaled) >= 1_000 && i < suffix.length - 1) {
            scaled /= 1_000;
            i++;
        }
        String digits = String.format(Locale.ROOT, "%.1f", scaled);
        if (digits.endsWith(".0")) digits = digits.substring(0, digits.length() - 2);
        return digits + suffix[i];
    }
}

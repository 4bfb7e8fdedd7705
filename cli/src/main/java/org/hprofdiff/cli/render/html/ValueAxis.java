package org.hprofdiff.cli.render.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hprofdiff.core.summary.diff.Units;

/**
 * The y axis of a chart: a range with round tick steps and labels that tell every tick apart. The range
 * starts at zero unless the values stay in the upper half of it (then a zero base would flatten real growth
 * into a line). Steps are 1, 2 or 5 times a power of ten of the unit the labels show, so byte ticks read
 * "1.5 MB, 2.0 MB, 2.5 MB" and count ticks "12.2k, 12.4k", never the same label twice.
 *
 * @param lo    lowest tick
 * @param hi    highest tick
 * @param step  distance between ticks (at least 1)
 * @param unit  what the values count
 */
record ValueAxis(long lo, long hi, long step, Unit unit) {

    /** What a chart counts. */
    enum Unit {
        OBJECTS("objects", 1000, new String[] {"", "k", "M", "G", "T"}, ""),
        BYTES("bytes", 1024, new String[] {"B", "KB", "MB", "GB", "TB"}, " ");

        final String word;
        private final int base;
        private final String[] suffixes;
        private final String gap;

        Unit(String word, int base, String[] suffixes, String gap) {
            this.word = word;
            this.base = base;
            this.suffixes = suffixes;
            this.gap = gap;
        }

        /** Exact value for a tooltip: "1,200 objects", "1,048,576 bytes (1.0 MB)". */
        String exact(long v) {
            return this == BYTES ? Units.count(v) + " bytes (" + Units.bytes(v) + ")" : Units.count(v) + " objects";
        }

        /** Index of the suffix that labels values up to {@code magnitude}; counts below 10,000 stay whole ("1,550"). */
        int power(long magnitude) {
            if (this == OBJECTS && magnitude < 10_000) return 0;
            int k = 0;
            double m = magnitude;
            while (m >= base && k < suffixes.length - 1) {
                m /= base;
                k++;
            }
            return k;
        }

        double scale(int power) {
            return Math.pow(base, power);
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
        long step = niceStep((hi - lo) / (double) TICKS, Math.max(Math.abs(lo), Math.abs(hi)), unit);
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

    /** A tick's label, in the unit of the axis's largest value, with as many decimals as the step needs. */
    String tick(long v) {
        int power = unit.power(Math.max(Math.abs(lo), Math.abs(hi)));
        double scale = unit.scale(power);
        int decimals = (int) Math.max(0, Math.min(3, Math.ceil(-Math.log10(step / scale) - 1e-9)));
        String number = power == 0 && unit == Unit.OBJECTS ? Units.count(v)
                : String.format(Locale.ROOT, "%." + decimals + "f", v / scale);
        return number + unit.gap + unit.suffixes[power];
    }

    /**
     * 1, 2 or 5 times a power of ten of the unit that labels {@code magnitude} (so possibly 0.5 MB); never below
     * one. "1000 KB" becomes 1 MB.
     */
    static long niceStep(double raw, long magnitude, Unit unit) {
        if (raw <= 1) return 1;
        int power = unit.power(magnitude);
        double scale = unit.scale(power);
        double m = raw / scale;
        double tens = Math.pow(10, Math.floor(Math.log10(m)));
        double f = m / tens;
        double nice = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * tens;
        if (nice >= 1000 && unit.base == 1024) nice = 1024;
        return Math.max(1, Math.round(nice * scale));
    }
}

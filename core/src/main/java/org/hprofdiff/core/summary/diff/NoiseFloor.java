package org.hprofdiff.core.summary.diff;

/**
 * The smallest change of one row in one interval that counts as a change. A change of count (or of
 * shallow bytes) counts only when it exceeds both the absolute floor and {@code percent} of the earlier
 * value; from zero only the absolute floor applies. Why these defaults: docs/growth-analysis.md.
 *
 * @param instances  absolute floor for instance-count changes
 * @param bytes      absolute floor for shallow-byte changes
 * @param percent    relative floor, in percent of the earlier dump's value
 */
public record NoiseFloor(long instances, long bytes, double percent) {

    public static final NoiseFloor DEFAULT = new NoiseFloor(10, 4096, 1.0);

    /** Counts every change, however small: for tests and for users who want raw directions. */
    public static final NoiseFloor NONE = new NoiseFloor(0, 0, 0);

    public NoiseFloor {
        if (instances < 0 || bytes < 0 || percent < 0 || Double.isNaN(percent)) {
            throw new IllegalArgumentException("noise floor values must be zero or positive");
        }
    }

    /** -1, 0 or +1: the direction of {@code before → after} if it exceeds the floor for this metric. */
    int direction(long before, long after, long absoluteFloor) {
        long delta = after - before;
        long magnitude = Math.abs(delta);
        if (magnitude <= absoluteFloor || magnitude <= before * percent / 100.0) {
            return 0;
        }
        return Long.signum(delta);
    }

    /** The combined direction of count and bytes in one interval. */
    Step step(Sample before, Sample after) {
        int count = direction(before.instances(), after.instances(), instances);
        int size = direction(before.shallowBytes(), after.shallowBytes(), bytes);
        if (count == 0 && size == 0) return Step.FLAT;
        if (count >= 0 && size >= 0) return Step.UP;
        if (count <= 0 && size <= 0) return Step.DOWN;
        return Step.MIXED;
    }
}

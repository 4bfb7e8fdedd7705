package org.hprofdiff.core.summary.diff;

/**
 * What one row did in one interval (dump i to dump i+1), after the {@link NoiseFloor}: each of instance
 * count and shallow bytes is up, down or within the floor, and the two are combined.
 */
public enum Step {
    /** At least one of count and bytes rose beyond the floor, neither fell beyond it. */
    UP,
    /** At least one fell beyond the floor, neither rose beyond it. */
    DOWN,
    /** Both within the floor. */
    FLAT,
    /** One rose and the other fell beyond the floor (e.g. fewer but larger arrays): counted as noise. */
    MIXED;

    /** One character for compact tables: ↑ ↓ → ↕. */
    public String arrow() {
        return switch (this) {
            case UP -> "↑";
            case DOWN -> "↓";
            case FLAT -> "→";
            case MIXED -> "↕";
        };
    }
}

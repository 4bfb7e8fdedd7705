package org.hprofdiff.testdata.scenarios.churn;

/** One measurement in the sample window. */
final class Sample {

    private final long timestampNanos;
    private final double value;

    Sample(long timestampNanos, double value) {
        this.timestampNanos = timestampNanos;
        this.value = value;
    }

    double value() {
        return value;
    }

    long timestampNanos() {
        return timestampNanos;
    }
}

package org.hprofdiff.index.build;

import java.util.Arrays;

/**
 * What decoding one work unit produced, in ordinal order: per object its class index, shallow size
 * (in size units) and number of outbound edges; and all edges' target ordinals. Reused from unit to
 * unit, so its arrays are bounded by the largest unit, not by the dump.
 */
final class UnitBuffer implements EdgeSink {
    int objects;
    int[] classIndex = new int[1024];
    long[] sizeUnits = new long[1024];
    long[] degree = new long[1024];
    int targets;
    long[] target = new long[4096];
    /** Bit i set: edge i does not keep its target alive. */
    long[] weak = new long[64];
    /** References to ids that are not objects of the dump, skipped. */
    long missingReferences;
    /** First problem met in the unit (e.g. an instance shorter than its class layout), with a count. */
    String problem;
    long problemCount;

    void reset() {
        objects = 0;
        targets = 0;
        missingReferences = 0;
        problem = null;
        problemCount = 0;
    }

    @Override
    public void startObject(int cls, long units) {
        if (objects == classIndex.length) {
            int n = objects * 2;
            classIndex = Arrays.copyOf(classIndex, n);
            sizeUnits = Arrays.copyOf(sizeUnits, n);
            degree = Arrays.copyOf(degree, n);
        }
        classIndex[objects] = cls;
        sizeUnits[objects] = units;
        degree[objects] = 0;
        objects++;
    }

    @Override
    public void edge(long ordinal, long origin, boolean isWeak) {
        if (targets == target.length) {
            target = Arrays.copyOf(target, targets * 2);
            weak = Arrays.copyOf(weak, target.length / 64 + 1);
        }
        int i = targets++;
        if (isWeak) weak[i >>> 6] |= 1L << (i & 63);
        else weak[i >>> 6] &= ~(1L << (i & 63));
        target[i] = ordinal;
        degree[objects - 1]++;
    }

    @Override
    public void missingReference() {
        missingReferences++;
    }

    @Override
    public void problem(String message) {
        if (problem == null) problem = message;
        problemCount++;
    }
}

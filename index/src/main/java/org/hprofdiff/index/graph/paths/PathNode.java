package org.hprofdiff.index.graph.paths;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.Collections;
import java.util.List;

/**
 * A node of a merged path tree: one step, the number of target objects whose shortest path runs through it
 * and the bytes they retain, and the steps that follow, most retained first.
 */
public final class PathNode {
    /** Target objects a leaf keeps as examples: enough to see where their paths part (see {@link #samples()}). */
    public static final int SAMPLES = 8;

    private final PathStep step;
    private final PathNode parent;
    final List<PathNode> children = new ArrayList<>();
    long objects;
    long retainedBytes;
    private long[] samples = new long[0];
    private Set<Long> loaders;

    PathNode(PathStep step, PathNode parent) {
        this.step = step;
        this.parent = parent;
    }

    /** The step; null for the tree's top, which stands for all GC roots. */
    public PathStep step() { return step; }

    public PathNode parent() { return parent; }

    public List<PathNode> children() { return Collections.unmodifiableList(children); }

    /** Target objects whose path runs through this node. */
    public long objects() { return objects; }

    /** Retained bytes of those targets, each counted once (targets inside another target's retained set add nothing). */
    public long retainedBytes() { return retainedBytes; }

    /**
     * For a leaf (a {@link PathStep.Target}): the first few target objects whose path this is, in object order;
     * empty for other nodes.
     */
    public long[] samples() { return samples.clone(); }

    void sample(long node) {
        if (samples.length < SAMPLES) {
            samples = Arrays.copyOf(samples, samples.length + 1);
            samples[samples.length - 1] = node;
        }
    }

    /**
     * For a leaf: the distinct class loader objects that keep its targets — the first loader each target's path
     * passes through a {@code <classloader>} step (one per redeployed plugin version, say), or the target itself
     * when it is a class loader its path passes none; empty for other nodes.
     */
    public Set<Long> loaders() { return loaders == null ? Set.of() : Collections.unmodifiableSet(loaders); }

    void loader(long node) {
        if (loaders == null) loaders = new HashSet<>();
        loaders.add(node);
    }

    /** The steps from the root to here. */
    public List<PathStep> steps() {
        List<PathStep> steps = new ArrayList<>();
        for (PathNode n = this; n != null && n.step != null; n = n.parent) steps.add(n.step);
        Collections.reverse(steps);
        return steps;
    }

    /** The path up to here as one stable string: step signatures joined by {@code " → "}. */
    public String signature() {
        return join(true);
    }

    /** The path up to here as people read it: short names joined by {@code " → "}. */
    public String display() {
        return join(false);
    }

    private String join(boolean signature) {
        StringBuilder b = new StringBuilder();
        for (PathStep s : steps()) {
            if (!b.isEmpty()) b.append(" → ");
            b.append(signature ? s.signature() : s.display());
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return display() + " (" + objects + " objects, " + retainedBytes + " bytes)";
    }
}

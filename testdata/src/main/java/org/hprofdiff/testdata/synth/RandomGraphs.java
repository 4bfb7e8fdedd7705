package org.hprofdiff.testdata.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded small random object graphs for brute-force checks of graph algorithms (dominators, retained sizes,
 * paths): a mix of instances with 0..4 reference fields, object arrays, and weak references (instances of
 * {@code java.lang.ref.WeakReference}, whose {@code referent} field, declared in
 * {@code java.lang.ref.Reference} as in the JDK, is the weak edge), with cycles, self-references,
 * duplicate edges, several kinds of GC roots and some unreachable nodes.
 */
public final class RandomGraphs {

    /**
     * @param nodes              number of nodes
     * @param maxOutDegree       most references one node holds (array length or used fields)
     * @param arrayFraction      share of nodes that are Object[]
     * @param weakFraction       share of nodes that are WeakReferences
     * @param selfLoopProbability chance that a node references itself
     * @param rootCount          number of GC roots (distinct nodes)
     */
    public record Params(int nodes, int maxOutDegree, double arrayFraction, double weakFraction,
                         double selfLoopProbability, int rootCount) {

        public static Params of(int nodes) {
            return new Params(nodes, 4, 0.15, 0.1, 0.05, Math.max(1, nodes / 20));
        }
    }

    private static final String[] FIELDS = {"a", "b", "c", "d"};
    private static final RootKind[] ROOT_KINDS = {RootKind.UNKNOWN, RootKind.STICKY_CLASS, RootKind.MONITOR_USED};

    private RandomGraphs() {
    }

    public static RandomGraph generate(long seed, int nodes) {
        return generate(seed, Params.of(nodes), new SyntheticHeap());
    }

    /** Generates the graph into {@code heap} (which may already hold other objects). */
    public static RandomGraph generate(long seed, Params params, SyntheticHeap heap) {
        if (params.maxOutDegree() > FIELDS.length && params.arrayFraction() < 1) {
            throw new IllegalArgumentException("instances have at most " + FIELDS.length + " reference fields");
        }
        SplittableRandom random = new SplittableRandom(seed);
        int n = params.nodes();
        SyntheticClass nodeClass = heap.newClass("synth.graph.Node").field("a", BasicType.OBJECT)
                .field("b", BasicType.OBJECT).field("c", BasicType.OBJECT).field("d", BasicType.OBJECT)
                .field("weight", BasicType.INT).define();
        SyntheticClass weakClass = heap.systemClass("java.lang.ref.WeakReference");
        SyntheticClass arrayClass = heap.arrayClassOf(nodeClass);

        HeapObject[] objects = new HeapObject[n];
        boolean[] weakReference = new boolean[n];
        int[] degree = new int[n];
        for (int i = 0; i < n; i++) {
            double kind = random.nextDouble();
            if (kind < params.weakFraction()) {
                weakReference[i] = true;
                objects[i] = heap.instance(weakClass);
            } else if (kind < params.weakFraction() + params.arrayFraction()) {
                degree[i] = random.nextInt(params.maxOutDegree() + 1);
                objects[i] = heap.objectArray(arrayClass, degree[i]);
            } else {
                degree[i] = random.nextInt(Math.min(FIELDS.length, params.maxOutDegree()) + 1);
                objects[i] = heap.instance(nodeClass, "weight", random.nextInt(1000));
            }
        }

        int[][] strong = new int[n][];
        int[][] weak = new int[n][];
        for (int i = 0; i < n; i++) {
            if (weakReference[i]) {
                int referent = random.nextInt(n);
                objects[i].set("referent", objects[referent]);
                weak[i] = new int[] {referent};
                strong[i] = new int[0];
                continue;
            }
            weak[i] = new int[0];
            strong[i] = new int[degree[i]];
            for (int slot = 0; slot < degree[i]; slot++) {
                int target = random.nextDouble() < params.selfLoopProbability() ? i : random.nextInt(n);
                strong[i][slot] = target;
                if (objects[i].kind() == ObjectKind.OBJECT_ARRAY) {
                    objects[i].setElement(slot, objects[target]);
                } else {
                    objects[i].set(FIELDS[slot], objects[target]);
                }
            }
        }

        int[] roots = distinct(random, n, Math.min(n, params.rootCount()));
        for (int k = 0; k < roots.length; k++) {
            heap.root(ROOT_KINDS[k % ROOT_KINDS.length], objects[roots[k]]);
        }
        long[] ids = Arrays.stream(objects).mapToLong(HeapObject::id).toArray();
        return new RandomGraph(heap, ids, strong, weak, roots, weakReference);
    }

    private static int[] distinct(SplittableRandom random, int bound, int count) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < bound; i++) {
            all.add(i);
        }
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(bound - i);
            Integer swap = all.get(i);
            all.set(i, all.get(j));
            all.set(j, swap);
        }
        return all.subList(0, count).stream().mapToInt(Integer::intValue).toArray();
    }
}

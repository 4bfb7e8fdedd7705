package org.hprofdiff.index.graph.dominators;

import java.util.EnumMap;
import java.util.Map;

/** Object counts and shallow bytes of the dump by {@link Reachability}; the four groups add up to the whole dump. */
public record ReachabilitySummary(Map<Reachability, Totals> groups) {

    /** A number of objects and their shallow bytes. */
    public record Totals(long objects, long bytes) {
        public static final Totals ZERO = new Totals(0, 0);

        Totals plus(Totals o) {
            return new Totals(objects + o.objects, bytes + o.bytes);
        }
    }

    public ReachabilitySummary {
        EnumMap<Reachability, Totals> copy = new EnumMap<>(Reachability.class);
        for (Reachability r : Reachability.values()) copy.put(r, groups.getOrDefault(r, Totals.ZERO));
        groups = java.util.Collections.unmodifiableMap(copy);
    }

    public Totals of(Reachability r) {
        return groups.get(r);
    }

    /** All objects of the dump. */
    public Totals total() {
        Totals t = Totals.ZERO;
        for (Totals g : groups.values()) t = t.plus(g);
        return t;
    }

    /** The objects in the dominator tree: what the virtual root retains. */
    public Totals inTree() {
        Totals t = Totals.ZERO;
        for (Reachability r : Reachability.values()) if (r.inTree()) t = t.plus(of(r));
        return t;
    }
}

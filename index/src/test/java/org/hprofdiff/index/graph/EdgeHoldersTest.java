package org.hprofdiff.index.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.hprofdiff.index.graph.paths.ShortestPaths;
import org.junit.jupiter.api.Test;

/** The sampled holder look-up agrees with a binary search over every object, edge by edge, on graphs with runs of objects without edges and objects with thousands. */
class EdgeHoldersTest {
    @Test
    void everyEdgeFindsItsHolder() {
        for (long seed = 1; seed <= 5; seed++) {
            Random r = new Random(seed);
            InMemoryGraph.Builder b = InMemoryGraph.builder();
            int type = b.type("T");
            int n = 3000 + r.nextInt(3000);
            for (int i = 0; i < n; i++) b.object(type, 16);
            for (int i = 0; i < n; i++) {
                int degree = switch (r.nextInt(10)) {
                    case 0, 1, 2 -> 0;        // runs of objects without edges share their first edge
                    case 3 -> 300 + r.nextInt(3000); // an array: many samples inside one object
                    default -> 1 + r.nextInt(4);
                };
                for (int d = 0; d < degree; d++) b.field(i, "f", r.nextInt(n));
            }
            InMemoryGraph g = b.build();
            EdgeHolders holders = new EdgeHolders(g);
            long edges = g.firstEdge(g.nodeCount());
            for (long e = 0; e < edges; e++) {
                long h = holders.of(e);
                assertEquals(ShortestPaths.source(g, e), h, "seed " + seed + ", edge " + e);
                assertEquals(true, g.firstEdge(h) <= e && e < g.firstEdge(h + 1), "seed " + seed + ", edge " + e + " lies in its holder's edges");
            }
        }
    }
}

package org.hprofdiff.testdata.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RandomGraphsTest {

    @Test
    void sameSeedSameGraphAndBytes() {
        RandomGraph a = RandomGraphs.generate(5, 200);
        RandomGraph b = RandomGraphs.generate(5, 200);
        assertArrayEquals(a.ids(), b.ids());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.strong()[i], b.strong()[i]);
        }
        assertArrayEquals(a.heap().toBytes(), b.heap().toBytes());
    }

    @Test
    void writtenReferencesAreTheAdjacency() {
        RandomGraph graph = RandomGraphs.generate(11, 300);
        Map<Long, Integer> node = new HashMap<>();
        for (int i = 0; i < graph.size(); i++) {
            node.put(graph.ids()[i], i);
        }
        List<List<Integer>> strong = new ArrayList<>();
        List<List<Integer>> weak = new ArrayList<>();
        for (int i = 0; i < graph.size(); i++) {
            strong.add(new ArrayList<>());
            weak.add(new ArrayList<>());
        }
        MiniHprof dump = new MiniHprof(graph.heap().toBytes());
        dump.forEachReference((from, to, label) -> {
            if (node.containsKey(from)) {
                (label.equals("referent") ? weak : strong).get(node.get(from)).add(node.get(to));
            }
        });
        boolean selfLoop = false;
        boolean weakSeen = false;
        for (int i = 0; i < graph.size(); i++) {
            List<Integer> expected = new ArrayList<>();
            for (int target : graph.strong()[i]) {
                expected.add(target);
                selfLoop |= target == i;
            }
            assertEquals(expected, strong.get(i), "node " + i);
            assertEquals(graph.weak()[i].length, weak.get(i).size());
            weakSeen |= graph.weakReference()[i];
        }
        assertTrue(selfLoop && weakSeen);
        assertEquals(graph.roots().length, dump.roots.stream()
                .filter(r -> node.containsKey(r.id())).count());
        boolean[] reachable = graph.stronglyReachable();
        int count = 0;
        for (boolean r : reachable) {
            count += r ? 1 : 0;
        }
        assertTrue(count >= graph.roots().length && count < graph.size(), "some nodes unreachable");
    }
}

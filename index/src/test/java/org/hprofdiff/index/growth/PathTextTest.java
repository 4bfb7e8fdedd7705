package org.hprofdiff.index.growth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.core.summary.diff.PathGrowth;
import org.hprofdiff.index.graph.paths.PathStep;
import org.junit.jupiter.api.Test;

/** How a merged path's steps become a matched path's signature, its words and its array's owner (docs/growth-analysis.md, section 6). */
class PathTextTest {
    private static final PathStep INSTANCE = new PathStep.Static("com.x.Reaper", "INSTANCE");
    private static final PathStep MANAGERS = new PathStep.Field("com.x.Reaper", "managers", false);
    private static final PathStep TABLE = new PathStep.Field("java.util.concurrent.ConcurrentHashMap", "table", false);
    private static final PathStep SLOT = new PathStep.Element("java.util.concurrent.ConcurrentHashMap$Node[]", false);
    private static final PathStep NEXT = new PathStep.Field("java.util.concurrent.ConcurrentHashMap$Node", "next", true);
    private static final PathStep KEY = new PathStep.Field("java.util.concurrent.ConcurrentHashMap$Node", "key", false);
    private static final PathStep POOL = new PathStep.Field("com.x.Manager", "pool", false);
    private static final PathStep MAP_TABLE = new PathStep.Field("java.util.HashMap", "table", false);

    @Test
    void chainsAreLeftOutSoBucketHeadsAndChainedNodesMatch() {
        List<PathStep> head = List.of(INSTANCE, MANAGERS, TABLE, SLOT, KEY, new PathStep.Target("com.x.Manager"));
        List<PathStep> chained = List.of(INSTANCE, MANAGERS, TABLE, SLOT, NEXT, KEY, new PathStep.Target("com.x.Manager"));
        assertEquals(head, DumpPaths.withoutChains(chained));
        assertEquals("static com.x.Reaper.INSTANCE → com.x.Reaper.managers → java.util.concurrent.ConcurrentHashMap.table"
                + " → java.util.concurrent.ConcurrentHashMap$Node[] [*] → java.util.concurrent.ConcurrentHashMap$Node.key → com.x.Manager",
                DumpPaths.signature(DumpPaths.withoutChains(chained)));
        PathStep nested = new PathStep.Element("java.lang.Object[]", true);
        assertEquals(List.of(INSTANCE), DumpPaths.withoutChains(List.of(INSTANCE, nested)));
    }

    @Test
    void aFieldOfTheClassAStaticJustNamedIsShownByItsName() {
        List<PathStep> steps = List.of(INSTANCE, MANAGERS, TABLE, SLOT, KEY, new PathStep.Target("com.x.Manager"));
        assertEquals(List.of("static Reaper.INSTANCE", "managers", "ConcurrentHashMap.table", "ConcurrentHashMap$Node[] [*]", "ConcurrentHashMap$Node.key",
                "Manager"), PathText.display(steps));
        // a field of another class keeps its class
        assertEquals(List.of("static Reaper.INSTANCE", "ConcurrentHashMap.table"), PathText.display(List.of(INSTANCE, TABLE)));
    }

    @Test
    void rootKinds() {
        assertEquals("static field", PathText.rootKind(INSTANCE));
        assertEquals("thread", PathText.rootKind(new PathStep.Root(GcRootKind.THREAD_OBJECT, "java.lang.Thread", "worker-#", null)));
    }

    @Test
    void anArraysOwnerIsTheHolderOfItsLastFieldWithTheOwnersOwnPath() {
        List<PathStep> steps = List.of(INSTANCE, MANAGERS, TABLE, SLOT, KEY, POOL, MAP_TABLE, new PathStep.Target("java.util.HashMap$Node[]"));
        PathGrowth.PathOwner owner = PathText.owner(steps);
        assertEquals(new PathGrowth.PathOwner("java.util.HashMap", "table",
                List.of("static Reaper.INSTANCE", "managers", "ConcurrentHashMap.table", "ConcurrentHashMap$Node[] [*]", "ConcurrentHashMap$Node.key",
                        "Manager.pool", "HashMap")), owner);
        // an array right in a static field, or in an array slot, has no owning object on the path
        assertNull(PathText.owner(List.of(INSTANCE, new PathStep.Target("byte[]"))));
        assertNull(PathText.owner(List.of(INSTANCE, MANAGERS, SLOT, new PathStep.Target("byte[]"))));
    }
}

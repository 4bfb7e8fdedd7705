package org.hprofdiff.core.summary;

import org.hprofdiff.core.collect.LongIntMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names class loaders so that a class keeps its key from one dump of a program to the next, although
 * loader objects move: "bootstrap", or the loader's class name ({@code jdk.internal.loader.ClassLoaders$AppClassLoader}).
 * When several loaders of one loader class define classes of the same name, each gets "#n", n being
 * its age rank among the loaders of that class (1 = oldest). HotSpot writes class dumps loader by
 * loader, newest loader first, so the rank is taken from the order in which loaders first appear,
 * reversed; it stays put as long as older loaders are not collected.
 */
final class LoaderLabels {
    private final ClassSlots t;
    private final LoaderTable loaders;
    private final String[] names;
    private final String[] loaderClass;
    private final int[] rank;
    /** (class name, loader class) pairs defined by more than one loader. */
    private final Set<String> shared = new HashSet<>();

    LoaderLabels(HistogramBuilder b, ClassSlots t, String[] names) {
        this.t = t;
        this.loaders = b.heap.loaders;
        this.names = names;
        int n = loaders.size();
        loaderClass = new String[n];
        rank = new int[n];
        Map<String, List<Integer>> byClass = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int cs = t.find(loaders.loaderClassId(i));
            loaderClass[i] = cs == ClassSlots.NONE ? ClassStats.UNKNOWN_LOADER : names[cs];
            byClass.computeIfAbsent(loaderClass[i], k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> same : byClass.values()) {
            same.sort(Comparator.comparingInt(loaders::firstClassDump).reversed());
            for (int r = 0; r < same.size(); r++) rank[same.get(r)] = r + 1;
        }
        Map<String, Integer> firstDefiner = new HashMap<>();
        for (int s = 0; s < t.size(); s++) {
            int li = loaderIndex(s);
            if (li < 0) continue;
            String key = names[s] + '\0' + loaderClass[li];
            Integer first = firstDefiner.putIfAbsent(key, li);
            if (first != null && first != li) shared.add(key);
        }
    }

    String label(int slot) {
        int li = loaderIndex(slot);
        if (li < 0) return ClassStats.BOOTSTRAP;
        String cls = loaderClass[li];
        return shared.contains(names[slot] + '\0' + cls) ? cls + "#" + rank[li] : cls;
    }

    /** The class of the loader that defines class {@code slot}, or null for the bootstrap loader. */
    String loaderClass(int slot) {
        int li = loaderIndex(slot);
        return li < 0 ? (t.loaderId[slot] == 0 ? null : ClassStats.UNKNOWN_LOADER) : loaderClass[li];
    }

    private int loaderIndex(int slot) {
        long id = t.loaderId[slot];
        if (id == 0) return -1;
        int i = loaders.indexOf(id);
        return i == LongIntMap.ABSENT ? -1 : i;
    }
}

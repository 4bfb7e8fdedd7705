package org.hprofdiff.core.summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Counts a dump's class loaders by loader class, and the class names several loaders define, from its class dumps. */
final class LoaderCensus {
    private LoaderCensus() {}

    static ClassLoaders of(ClassSlots t, String[] names, LoaderLabels labels) {
        Map<String, Set<Long>> loadersByClass = new HashMap<>();
        Map<String, Long> classesByLoaderClass = new HashMap<>();
        Map<String, Set<Long>> definersByName = new HashMap<>();
        for (int s = 0; s < t.size(); s++) {
            if (t.dumpOrder[s] == ClassSlots.NONE) continue; // only classes the dump describes were defined
            definersByName.computeIfAbsent(names[s], k -> new HashSet<>(2)).add(t.loaderId[s]);
            String loaderClass = labels.loaderClass(s);
            // the bootstrap loader is no object; a loader whose object a dump cut short lost has no class to count it by
            if (loaderClass == null || loaderClass.equals(ClassStats.UNKNOWN_LOADER)) continue;
            loadersByClass.computeIfAbsent(loaderClass, k -> new HashSet<>()).add(t.loaderId[s]);
            classesByLoaderClass.merge(loaderClass, 1L, Long::sum);
        }
        List<LoaderStats> byLoaderClass = new ArrayList<>();
        loadersByClass.forEach((cls, loaders) -> byLoaderClass.add(new LoaderStats(cls, loaders.size(), classesByLoaderClass.get(cls))));
        byLoaderClass.sort(Comparator.comparingLong(LoaderStats::classes).reversed().thenComparing(LoaderStats::loaderClass));
        List<DuplicateClass> duplicates = new ArrayList<>();
        definersByName.forEach((name, loaders) -> { if (loaders.size() > 1) duplicates.add(new DuplicateClass(name, loaders.size())); });
        duplicates.sort(Comparator.comparingLong(DuplicateClass::loaders).reversed().thenComparing(DuplicateClass::name));
        return new ClassLoaders(byLoaderClass, duplicates.subList(0, Math.min(duplicates.size(), ClassLoaders.MAX_DUPLICATES)),
                duplicates.size());
    }
}

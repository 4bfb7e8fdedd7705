package org.hprofdiff.core.summary;

import java.util.List;

/**
 * The class loaders of a dump, as the diff compares them across dumps (docs/growth-analysis.md, section 6).
 *
 * @param byLoaderClass      one row per loader class, most classes defined first
 * @param duplicateClasses   class names defined by more than one loader, most loaders first, at most
 *                           {@link #MAX_DUPLICATES}
 * @param duplicateNames     how many class names more than one loader defines, all of them
 */
public record ClassLoaders(List<LoaderStats> byLoaderClass, List<DuplicateClass> duplicateClasses, long duplicateNames) {
    /** Duplicate class names kept in a summary: enough to see which plugin repeats, few enough to stay small. */
    public static final int MAX_DUPLICATES = 200;

    public ClassLoaders {
        byLoaderClass = List.copyOf(byLoaderClass);
        duplicateClasses = List.copyOf(duplicateClasses);
    }
}

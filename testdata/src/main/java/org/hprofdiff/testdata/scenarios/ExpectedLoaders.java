package org.hprofdiff.testdata.scenarios;

import java.util.List;
import java.util.function.IntToLongFunction;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * How many class loaders of one kind a scenario keeps after each round, and exactly which classes each
 * of them defines: the designed numbers of a class-loader leak. Checked against the JVM's own
 * {@code VM.classloaders show-classes} listing taken just before each dump ({@link ClassLoaderListing}),
 * and, for the loader objects, against the histogram ({@link ExpectedCount}s of the loader class).
 *
 * <p>A class defined by several loaders is several classes: {@code GC.class_histogram} prints one row
 * per defining loader that has live instances, and a dump has one class record per loader. So a class
 * in {@link #classesWithInstances} has one histogram row per loader of this kind.
 *
 * @param loaderClass          the loader's class, e.g. {@code java.net.URLClassLoader}
 * @param namePattern          the loaders' names ({@link ClassLoader#getName()}), a regular expression:
 *                             {@code report-plugin-v\d+}
 * @param definedClasses       the classes each such loader defines (hidden classes excluded), in any order
 * @param classesWithInstances those of {@link #definedClasses} with live instances in every such loader
 * @param leak                 true when the number grows with every round
 * @param byRound              loaders of this kind after round 1, 2, ... (index 0 is round 1)
 */
public record ExpectedLoaders(String loaderClass, String namePattern, List<String> definedClasses,
                              List<String> classesWithInstances, boolean leak, List<Long> byRound) {

    public ExpectedLoaders {
        definedClasses = List.copyOf(definedClasses);
        classesWithInstances = List.copyOf(classesWithInstances);
        byRound = List.copyOf(byRound);
        if (!definedClasses.containsAll(classesWithInstances)) {
            throw new IllegalArgumentException("classes with instances must be defined classes: " + classesWithInstances);
        }
    }

    /** Loaders named by {@code namePattern}; {@code countAfterRound} maps round r (1-based) to their number. */
    public static ExpectedLoaders of(Class<? extends ClassLoader> loaderClass, String namePattern,
                                     List<String> definedClasses, List<String> classesWithInstances, boolean leak,
                                     int rounds, IntToLongFunction countAfterRound) {
        return new ExpectedLoaders(loaderClass.getName(), namePattern, definedClasses, classesWithInstances, leak,
                IntStream.rangeClosed(1, rounds).mapToObj(r -> countAfterRound.applyAsLong(r)).toList());
    }

    /** Loaders after {@code round} (1-based). */
    public long at(int round) {
        return byRound.get(round - 1);
    }

    /** Whether {@code name} is one of these loaders' names. */
    public boolean matchesName(String name) {
        return name != null && Pattern.matches(namePattern, name);
    }

    /** E.g. {@code java.net.URLClassLoader "report-plugin-v\d+" x 7 classes leak 3,6,9}. */
    @Override
    public String toString() {
        return loaderClass + " \"" + namePattern + "\" x " + definedClasses.size() + " classes" + (leak ? " leak " : " ")
                + String.join(",", byRound.stream().map(String::valueOf).toList());
    }
}

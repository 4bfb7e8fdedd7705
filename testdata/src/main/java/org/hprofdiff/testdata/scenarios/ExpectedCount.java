package org.hprofdiff.testdata.scenarios;

import java.util.List;
import java.util.function.IntToLongFunction;
import java.util.stream.IntStream;

/**
 * How many instances of one class a scenario keeps after each round: the designed numbers that the
 * histograms (ground truth) and the tool's own analysis of the dumps are checked against.
 *
 * @param className   the class as the JVM prints it in {@code GC.class_histogram} and as
 *                    {@link Class#getName()} returns it ({@code [B}, {@code [Ljava.util.HashMap$Node;})
 * @param arrayLength for {@link Basis#ADDED} arrays, the length the scenario's arrays have (the
 *                    {@code HashMap$Node[16384]} row of a length-bucketed histogram);
 *                    {@link #ANY_LENGTH} otherwise
 * @param basis       what the numbers count, see {@link Basis}
 * @param leak        true when the count grows with every round without bound (what a diff must
 *                    flag); false for benign churn and for classes the scenario must not keep
 * @param byRound     the count after round 1, 2, ... (index 0 is round 1)
 */
public record ExpectedCount(String className, int arrayLength, Basis basis, boolean leak, List<Long> byRound) {

    /** {@link #arrayLength} of counts that are not restricted to one array length. */
    public static final int ANY_LENGTH = -1;

    /** What {@link #byRound} counts. */
    public enum Basis {
        /**
         * Only the scenario makes instances of this class, so the histogram's instance count after
         * round r is exactly {@code byRound[r-1]} (zero for classes that must be garbage).
         */
        EXACT,
        /**
         * The JVM makes instances of this class as well ({@code byte[]}, {@code HashMap}); the
         * scenario adds {@code byRound[r-1]} of them (of {@link #arrayLength}, when set) on top of a
         * baseline it does not control. Growth between rounds is the growth to expect in a dump's
         * (class, array length) bucket. The histogram has no lengths and its class totals also move
         * with the JVM's own use of the class (measured on JDK 17 and 25: a few instances either way
         * between rounds), and other garbage-free work of the scenario may add more (the cache's
         * key strings are {@code byte[]}s too), so there it is a lower bound, less that noise.
         */
        ADDED
    }

    public ExpectedCount {
        byRound = List.copyOf(byRound);
    }

    /** A class only the scenario makes; {@code countAfterRound} maps round r (1-based) to the count. */
    public static ExpectedCount exact(Class<?> type, boolean leak, int rounds, IntToLongFunction countAfterRound) {
        return new ExpectedCount(type.getName(), ANY_LENGTH, Basis.EXACT, leak, tabulate(rounds, countAfterRound));
    }

    /**
     * Like {@link #exact(Class, boolean, int, IntToLongFunction)} for a class named rather than linked:
     * a library's class, or a plugin's class that the application loader must never define.
     */
    public static ExpectedCount exact(String className, boolean leak, int rounds, IntToLongFunction countAfterRound) {
        return new ExpectedCount(className, ANY_LENGTH, Basis.EXACT, leak, tabulate(rounds, countAfterRound));
    }

    /** Instances of a JVM-shared class the scenario adds; {@code arrayLength} may be {@link #ANY_LENGTH}. */
    public static ExpectedCount added(String className, int arrayLength, boolean leak, int rounds,
                                      IntToLongFunction addedAfterRound) {
        return new ExpectedCount(className, arrayLength, Basis.ADDED, leak, tabulate(rounds, addedAfterRound));
    }

    /** The count after {@code round} (1-based). */
    public long at(int round) {
        return byRound.get(round - 1);
    }

    /** The designed change in count from {@code fromRound} to {@code toRound}. */
    public long growth(int fromRound, int toRound) {
        return at(toRound) - at(fromRound);
    }

    /** The class in Java form, e.g. {@code java.util.HashMap$Node[]}. */
    public String javaName() {
        return ClassHistogram.javaName(className);
    }

    /** E.g. {@code java.util.HashMap$Node[16384] ADDED leak 20,40,60}. */
    @Override
    public String toString() {
        String name = javaName();
        if (arrayLength != ANY_LENGTH) {
            name = name.substring(0, name.length() - 1) + arrayLength + "]";
        }
        return name + " " + basis + (leak ? " leak " : " ") + byRound.stream().map(String::valueOf)
                .reduce((a, b) -> a + "," + b).orElse("");
    }

    private static List<Long> tabulate(int rounds, IntToLongFunction countAfterRound) {
        return IntStream.rangeClosed(1, rounds).mapToObj(r -> countAfterRound.applyAsLong(r)).toList();
    }
}

package org.hprofdiff.core.size;

import java.util.List;
import java.util.Set;

/**
 * The size of a class's instances. The dump lists the declared fields, which give a lower bound D;
 * the VM may add what the dump does not show: fields it injects ({@link #INJECTED_FIELD_HOLDERS}, a
 * word or two) and {@code @Contended} padding ({@link #CONTENDED_HOLDERS}; JDK 17 {@code Thread}:
 * 112 → 368 bytes), both inherited by subclasses. The smallest distance G from an instance to the
 * next object in memory is an upper bound, exact when the two are adjacent, which they nearly always
 * are in the compacted heap of a live dump. Not always: JDK 17's G1 leaves dead objects in place in
 * regions it does not compact, JDK 25 fills such holes with filler arrays the dump leaves out, and
 * CDS keeps archived objects the dump skips. Measured on JDK 17: ~30 single-instance lambda classes
 * each followed by 32 to 400 bytes of dead space; a 32-byte object followed by a dead 16-byte one;
 * two of three {@code BoundMethodHandle$Species_LLLLLLL} (96 bytes) each followed by 112 dead bytes.
 * So neither one gap nor a repeated gap proves an addition.
 *
 * <p>G is taken as the size only when one of these holds, and D (plus an inherited addition) otherwise:
 * <ol>
 *   <li>G − D is smaller than the smallest possible object: the space after the instance could not
 *       hold a hidden object, so it belongs to the instance (sound; 8 bytes with 12- or 16-byte headers);</li>
 *   <li>a superclass carries an established addition A and G − D ≤ A + alignment (the subclass's own
 *       fields may shift by one alignment unit: JDK 17 {@code FinalizerThread}, 112 + 264);</li>
 *   <li>the class is or descends from an {@linkplain #INJECTED_FIELD_HOLDERS injected-field holder}
 *       and G − D ≤ {@link #INJECTED_ADDITION};</li>
 *   <li>the class is or descends from a {@linkplain #CONTENDED_HOLDERS @Contended holder} and G − D is
 *       within one alignment unit of a multiple of the padding width (128 bytes by default).</li>
 * </ol>
 * On JDK 17 and 25 dumps (default, no compressed oops, no compressed class pointers, compact headers,
 * 16-byte alignment, G1, Parallel and Serial) this sizes every class the histogram and the dump count
 * alike exactly as {@code GC.class_histogram} does. A {@code @Contended} class outside the JDK (it
 * needs {@code -XX:-RestrictContended}) or a field a future JDK injects elsewhere would be sized D
 * unless rule 1 applies.
 */
public final class InstanceSizes {
    /** The largest addition trusted from one gap for an injected-field holder: two words. */
    public static final long INJECTED_ADDITION = 16;
    /** HotSpot's default {@code -XX:ContendedPaddingWidth}. */
    public static final long CONTENDED_PADDING = 128;

    /**
     * JDK classes HotSpot adds fields to that the dump does not list (the {@code *_INJECTED_FIELDS}
     * of {@code javaClasses.hpp}, JDK 8 to 25).
     */
    public static final Set<String> INJECTED_FIELD_HOLDERS = Set.of(
            "java.lang.Class", "java.lang.ClassLoader", "java.lang.Module", "java.lang.Thread", "java.lang.InternalError",
            "java.lang.StackFrameInfo", "java.lang.ClassFrameInfo", "java.lang.invoke.MemberName",
            "java.lang.invoke.ResolvedMethodName", "java.lang.invoke.MethodHandleNatives$CallSiteContext",
            "jdk.internal.vm.StackChunk");

    /** JDK classes with {@code @jdk.internal.vm.annotation.Contended} fields or class annotations. */
    public static final Set<String> CONTENDED_HOLDERS = Set.of(
            "java.lang.Thread", "java.util.concurrent.atomic.Striped64$Cell", "java.util.concurrent.ConcurrentHashMap$CounterCell",
            "java.util.concurrent.Exchanger$Node", "java.util.concurrent.ForkJoinPool", "java.util.concurrent.ForkJoinPool$WorkQueue");

    private InstanceSizes() {}

    /** Which of the holder lists a class belongs to, itself or through a superclass. */
    public enum Holder { NONE, INJECTED, CONTENDED, BOTH;
        public static Holder of(boolean injected, boolean contended) {
            return injected ? (contended ? BOTH : INJECTED) : contended ? CONTENDED : NONE;
        }
    }

    /**
     * What the dump says about one class.
     *
     * @param declared          {@link #declared}: header plus declared fields, aligned
     * @param smallestGap       smallest distance from an instance to the next object, Long.MAX_VALUE if none was seen
     * @param inheritedAddition bytes the nearest superclass with an established size has beyond its declared size, else 0
     * @param holder            whether the class is or descends from a holder of hidden additions
     */
    public record Evidence(long declared, long smallestGap, long inheritedAddition, Holder holder) {}

    /** The declared fields' size (superclasses included) under the model's {@link FieldLayout}. */
    public static long declared(SizeModel model, List<FieldLayout.OwnFields> chain) {
        return FieldLayout.instanceSize(model, chain);
    }

    /** The instance size by the rules above. */
    public static long recover(SizeModel model, Evidence e) {
        long fallback = e.declared() + e.inheritedAddition();
        if (e.smallestGap() == Long.MAX_VALUE) return fallback;
        if (e.smallestGap() <= e.declared()) return e.declared();
        long addition = e.smallestGap() - e.declared();
        int alignment = model.objectAlignment();
        boolean injected = e.holder() == Holder.INJECTED || e.holder() == Holder.BOTH;
        boolean contended = e.holder() == Holder.CONTENDED || e.holder() == Holder.BOTH;
        boolean trusted = addition < model.instanceSize(0)
                || e.inheritedAddition() > 0 && addition <= e.inheritedAddition() + alignment
                || injected && addition <= INJECTED_ADDITION
                || contended && nearPaddingMultiple(addition, alignment);
        return trusted ? e.smallestGap() : fallback;
    }

    private static boolean nearPaddingMultiple(long addition, int alignment) {
        long k = Math.round((double) addition / CONTENDED_PADDING);
        return k >= 1 && Math.abs(addition - k * CONTENDED_PADDING) <= alignment;
    }
}

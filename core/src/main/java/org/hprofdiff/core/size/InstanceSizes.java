package org.hprofdiff.core.size;

import java.util.Set;

/**
 * The size of a class's instances. The dump lists the declared fields, which give a lower bound D;
 * the VM may add what the dump does not show: injected fields (a word or two in the classes of
 * {@link #INJECTED_FIELD_HOLDERS} and their subclasses) and {@code @Contended} padding (JDK 17
 * {@code Thread}: 112 → 368 bytes). The smallest distance G from an instance to the next object in
 * memory is an upper bound, exact when the two are adjacent, which they nearly always are in the
 * compacted heap of a live dump. Not always: JDK 17's G1 leaves dead objects in place in regions it
 * does not compact (measured: ~30 single-instance lambda classes each followed by 32 to 400 bytes of
 * dead space, and a 32-byte object followed by a dead 16-byte one), JDK 25 fills such holes with filler
 * arrays the dump leaves out, and CDS keeps archived objects the dump skips.
 *
 * <p>So G is taken as the size only when one of these holds, and D (plus an inherited addition)
 * otherwise:
 * <ol>
 *   <li>two or more instances were followed by an object at exactly that distance;</li>
 *   <li>G − D is smaller than the smallest possible object: the space after the instance could not
 *       hold a hidden object, so it is part of the instance (sound, not a heuristic);</li>
 *   <li>a superclass carries an established addition A, and G − D ≤ A + alignment (the subclass's
 *       own fields may shift by one alignment unit: JDK 17 {@code FinalizerThread} 112 + 264);</li>
 *   <li>the class is, or descends from, a class HotSpot injects fields into, and G − D ≤
 *       {@link #INJECTED_ADDITION} (two words).</li>
 * </ol>
 * On JDK 17 and 25 dumps (default, no compressed oops, no compressed class pointers, compact headers)
 * this sizes every class the histogram and the dump count alike exactly as {@code GC.class_histogram}
 * does; trusting every single gap instead got 23 classes wrong on JDK 17.
 */
public final class InstanceSizes {
    /** The largest addition trusted from one gap for a class HotSpot injects fields into. */
    public static final long INJECTED_ADDITION = 16;

    /**
     * Classes HotSpot adds fields to that the dump does not list (the {@code *_INJECTED_FIELDS} of
     * {@code javaClasses.hpp}, JDK 8 to 25); their subclasses inherit the additions.
     */
    public static final Set<String> INJECTED_FIELD_HOLDERS = Set.of(
            "java.lang.Class", "java.lang.ClassLoader", "java.lang.Module", "java.lang.Thread", "java.lang.InternalError",
            "java.lang.StackFrameInfo", "java.lang.ClassFrameInfo", "java.lang.invoke.MemberName",
            "java.lang.invoke.ResolvedMethodName", "java.lang.invoke.MethodHandleNatives$CallSiteContext",
            "jdk.internal.vm.StackChunk");

    private InstanceSizes() {}

    /**
     * What the dump says about one class.
     *
     * @param declared          {@link #declared}: header plus declared fields, aligned
     * @param smallestGap       smallest distance from an instance to the next object, Long.MAX_VALUE if none was seen
     * @param smallestGapCount  how many instances had that distance
     * @param inheritedAddition bytes the nearest superclass with an established size has beyond its declared size, else 0
     * @param injectionTarget   whether the class is or descends from one of {@link #INJECTED_FIELD_HOLDERS}
     */
    public record Evidence(long declared, long smallestGap, long smallestGapCount, long inheritedAddition, boolean injectionTarget) {}

    /** The declared fields' size: header plus fields (superclasses included), aligned. */
    public static long declared(SizeModel model, long primitiveFieldBytes, long referenceFields) {
        return model.instanceSize(primitiveFieldBytes + referenceFields * model.referenceBytes());
    }

    /** The instance size by the rule above. */
    public static long recover(SizeModel model, Evidence e) {
        long fallback = e.declared() + e.inheritedAddition();
        if (e.smallestGap() == Long.MAX_VALUE) return fallback;
        if (e.smallestGap() <= e.declared()) return e.declared();
        long addition = e.smallestGap() - e.declared();
        boolean trusted = e.smallestGapCount() >= 2
                || addition < model.instanceSize(0)
                || e.inheritedAddition() > 0 && addition <= e.inheritedAddition() + model.objectAlignment()
                || e.injectionTarget() && addition <= INJECTED_ADDITION;
        return trusted ? e.smallestGap() : fallback;
    }
}

package org.hprofdiff.core.summary;

/**
 * One histogram row: all objects of one class (name + defining loader) in one dump.
 *
 * @param name           Java form: {@code java.util.HashMap$Node[]}, {@code byte[]}
 * @param loader         the defining loader, stable across dumps of one program: "bootstrap", or the
 *                       loader's class name with "#n" when several loaders of that class define this name
 * @param kind           instances of an ordinary class, object arrays, primitive arrays, or class objects
 * @param instances      objects
 * @param shallowBytes   their total shallow size under the dump's size model
 * @param retainedBytes  retained bytes of the instances not dominated by another instance of this class
 *                       (MAT's class-level retained size); null until the dominator tree is computed
 */
public record ClassStats(String name, String loader, Kind kind, long instances, long shallowBytes, Long retainedBytes) {

    public enum Kind { INSTANCE, OBJECT_ARRAY, PRIMITIVE_ARRAY, CLASS }

    /** Key that identifies this class across dumps (addresses and ids are not stable; names and loaders are). */
    public String key() {
        return keyOf(name, loader);
    }

    /** The {@link #key()} of a class of this name and loader label. */
    public static String keyOf(String name, String loader) {
        return loader.equals(BOOTSTRAP) ? name : name + " @" + loader;
    }

    public static final String BOOTSTRAP = "bootstrap";

    /** The loader label when the loader object is not in the dump (a partial dump lost it), so its class is unknown. */
    public static final String UNKNOWN_LOADER = "unknown loader";
}

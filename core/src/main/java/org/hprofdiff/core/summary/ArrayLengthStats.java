package org.hprofdiff.core.summary;

/**
 * Object arrays of one class and one length, for long arrays only: in the incident the growing row
 * was {@code java.util.HashMap$Node[16384]}, a hash table of a collection that kept growing.
 */
public record ArrayLengthStats(String name, String loader, int length, long instances, long shallowBytes) {

    /** What identifies the row across dumps: {@link #label()}, with " @loader" unless the bootstrap loader's. */
    public String key() {
        return key(label(), loader);
    }

    /** The key of a long-array row of {@code label} defined by {@code loader}. */
    public static String key(String label, String loader) {
        return ClassStats.BOOTSTRAP.equals(loader) ? label : label + " @" + loader;
    }

    /** Display form: {@code java.util.HashMap$Node[16384]}. */
    public String label() {
        return name.endsWith("[]") ? name.substring(0, name.length() - 2) + "[" + length + "]" : name + "[" + length + "]";
    }
}

package org.hprofdiff.core.summary;

/**
 * Object arrays of one class and one length, for long arrays only: in the incident the growing row
 * was {@code java.util.HashMap$Node[16384]}, a hash table of a collection that kept growing.
 */
public record ArrayLengthStats(String name, String loader, int length, long instances, long shallowBytes) {

    /** Display form: {@code java.util.HashMap$Node[16384]}. */
    public String label() {
        return name.endsWith("[]") ? name.substring(0, name.length() - 2) + "[" + length + "]" : name + "[" + length + "]";
    }
}

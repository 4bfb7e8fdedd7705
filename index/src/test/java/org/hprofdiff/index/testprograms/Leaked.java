package org.hprofdiff.index.testprograms;

/** Loaded by {@link KnownGraph}'s own class loader only; its instance is what "leaks". */
public final class Leaked {
    public static final String NAME = "org.hprofdiff.index.testprograms.Leaked";
    static Object registry = new Object[] {"registered"};
    final byte[] payload = new byte[1000];
}

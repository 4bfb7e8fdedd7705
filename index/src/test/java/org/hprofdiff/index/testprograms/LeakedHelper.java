package org.hprofdiff.index.testprograms;

/** A second class of the leak loader: reachable from the loader, not from the leaked instance. */
public final class LeakedHelper {
    public static final String NAME = "org.hprofdiff.index.testprograms.LeakedHelper";
    static int loaded = 1;
}

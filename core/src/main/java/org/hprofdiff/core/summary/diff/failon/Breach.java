package org.hprofdiff.core.summary.diff.failon;

/**
 * One threshold exceeded by one class.
 *
 * @param spec   the threshold as written, e.g. {@code count:+1000}
 * @param label  the class, as reports name it
 * @param line   the whole breach in one line, for printing as is, e.g.
 *               {@code "count:+1000: com.acme.Conn +1,200 objects (400 → 1,600), more than +1,000"}
 */
public record Breach(String spec, String label, String line) {}

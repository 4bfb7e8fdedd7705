/**
 * Test material that does not depend on the reader: {@code scenarios} (child JVMs that leak and dump
 * themselves, with the JVM's own class histogram as ground truth) and {@code synth} (a hand-written
 * hprof encoder for cases no JVM here produces).
 */
package org.hprofdiff.testdata;

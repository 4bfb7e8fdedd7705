/**
 * Off-heap arrays sized by node or edge count, with 64-bit indexes, for the graph analyses: the Java heap
 * stays small whatever the dump's size. {@link org.hprofdiff.index.graph.offheap.Scratch} hands them out
 * from native memory or from mapped temporary files.
 */
package org.hprofdiff.index.graph.offheap;

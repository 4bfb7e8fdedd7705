/**
 * Graph analyses over one dump's object graph: reachability, the dominator tree and retained sizes
 * ({@code dominators}), shortest and merged retention paths from the GC roots ({@code paths}), leak suspects
 * ({@code suspects}). They read the graph through {@link org.hprofdiff.index.graph.ObjectGraph}; the
 * semantics they implement, and where they differ from Eclipse MAT, are in docs/semantics.md.
 */
package org.hprofdiff.index.graph;

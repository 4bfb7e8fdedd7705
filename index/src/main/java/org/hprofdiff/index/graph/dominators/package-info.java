/**
 * The dominator tree with a virtual root above all GC roots, retained sizes of every object and class, and
 * reachability groups: {@link org.hprofdiff.index.graph.dominators.Dominators} computes and stores,
 * {@link org.hprofdiff.index.graph.dominators.DominatorTree} reads.
 */
package org.hprofdiff.index.graph.dominators;

/**
 * Retention paths: {@link org.hprofdiff.index.graph.paths.ShortestPaths} (a shortest path from the GC roots to
 * every object, stored) and {@link org.hprofdiff.index.graph.paths.MergedPaths} (many objects' paths merged by
 * a signature that is stable across dumps).
 */
package org.hprofdiff.index.graph.paths;

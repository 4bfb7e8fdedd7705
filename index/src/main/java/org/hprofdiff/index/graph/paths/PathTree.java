package org.hprofdiff.index.graph.paths;

/**
 * Merged shortest paths from the GC roots for a set of target objects.
 *
 * @param top                the tree: its children are the path starts (roots, static fields), most retained first
 * @param targets            objects the query matched
 * @param withoutPath        of those, objects no retaining path reaches (weakly reachable or unreachable)
 * @param retainedBytes      bytes the targets retain together, each counted once
 */
public record PathTree(PathNode top, long targets, long withoutPath, long retainedBytes) {}

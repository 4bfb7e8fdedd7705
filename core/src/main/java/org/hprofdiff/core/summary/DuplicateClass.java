package org.hprofdiff.core.summary;

/**
 * A class name that more than one class loader defines in a dump (Eclipse MAT's "duplicate classes"): a
 * redeployed plugin whose old loaders are kept defines its classes once more with every version.
 *
 * @param name     Java form
 * @param loaders  loaders that define a class of that name (the bootstrap loader counts as one)
 */
public record DuplicateClass(String name, long loaders) {}

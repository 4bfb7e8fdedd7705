package org.hprofdiff.core.format;

import java.util.List;

/**
 * A CLASS_DUMP sub-record: one class's layout and static values. Field names are string ids
 * (resolved through STRING records); instance fields are this class's own, superclasses excluded,
 * in the order their values appear in INSTANCE_DUMP records (own fields first, then the super's).
 *
 * @param instanceSizeInFile the dump's "instance size": bytes of field data in the file, not the object's size in the heap
 */
public record ClassDump(long classId, long superId, long loaderId, long signersId, long protectionDomainId,
                        int instanceSizeInFile, List<StaticField> statics, List<FieldDecl> fields, long offset) {

    /** An instance field declaration. */
    public record FieldDecl(long nameId, BasicType type) {}

    /** A static field and its value; for OBJECT the value is an object id (0 = null), for others the raw bits. */
    public record StaticField(long nameId, BasicType type, long value) {}
}

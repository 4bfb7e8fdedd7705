package org.hprofdiff.index.table;

import java.util.List;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.summary.ClassNames;

/**
 * One entry of the class table: a class the dump describes (CLASS_DUMP) or a placeholder for one it
 * only refers to (an instance whose class is missing, a primitive array type without a class dump).
 *
 * @param index           position in the class table (what {@code obj.class} stores)
 * @param classId         the class object's id, 0 for placeholders without one
 * @param ordinal         the class object's ordinal, -1 when it is not in the dump
 * @param name            as the dump spells it: {@code java/util/HashMap$Node}, {@code [I}, {@code [Ljava/lang/Object;}
 * @param superIndex      the superclass's index, -1 for none
 * @param loaderId        the defining loader's id, 0 for the bootstrap loader
 * @param loaderOrdinal   the loader object's ordinal, -1 for bootstrap or absent
 * @param superId         the superclass's id as the class dump gives it (0: none)
 * @param signersId       the signers object's id (0: none)
 * @param protectionDomainId the protection domain's id (0: none)
 * @param kind            what kind of objects this class has
 * @param elementType     element type for array classes (OBJECT for object arrays), null otherwise
 * @param placeholder     true when the dump has no CLASS_DUMP for it
 * @param instanceSize    shallow size of one instance under the index's size model (instance classes)
 * @param classObjectSize shallow size of the class object itself (0 for placeholders)
 * @param instances       objects of this class in the dump
 * @param instanceBytes   their total shallow size
 * @param fields          own instance fields in dump order (superclasses' fields are in their entries)
 * @param statics         static fields with their values (object ids for references)
 */
public record ClassInfo(int index, long classId, long ordinal, String name, int superIndex, long loaderId, long loaderOrdinal,
                        long superId, long signersId, long protectionDomainId, Kind kind, BasicType elementType, boolean placeholder, long instanceSize, long classObjectSize,
                        long instances, long instanceBytes, List<Field> fields, List<Static> statics) {

    public enum Kind { INSTANCE, OBJECT_ARRAY, PRIMITIVE_ARRAY }

    public record Field(String name, BasicType type) {}

    public record Static(String name, BasicType type, long value) {}

    /** Java form of the name: {@code java.util.HashMap$Node}, {@code int[]}, {@code java.lang.Object[][]}. */
    public String javaName() {
        return ClassNames.javaName(name);
    }

    public boolean isArray() {
        return kind != Kind.INSTANCE;
    }
}

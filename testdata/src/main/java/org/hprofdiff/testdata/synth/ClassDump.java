package org.hprofdiff.testdata.synth;

import java.util.List;

/**
 * The body of a CLASS_DUMP sub-record, field for field (heapDumper.cpp {@code dump_instance_class}):
 * class id, stack serial, super id, loader, signers, protection domain, two reserved ids, instance size,
 * constant pool, statics, instance field descriptors. {@code instanceSize} is what the dump claims, not the
 * real object size: HotSpot writes the sum of the field value sizes in the dump.
 */
public record ClassDump(long classId, int stackSerial, long superId, long loaderId, long signersId,
                        long protectionDomainId, long reserved1, long reserved2, int instanceSize,
                        List<ConstantPoolEntry> constantPool, List<StaticField> statics,
                        List<InstanceField> instanceFields) {

    public record ConstantPoolEntry(int index, FieldValue value) {
    }

    public record StaticField(long nameId, FieldValue value) {
    }

    public record InstanceField(long nameId, BasicType type) {
    }

    public ClassDump {
        constantPool = List.copyOf(constantPool);
        statics = List.copyOf(statics);
        instanceFields = List.copyOf(instanceFields);
    }

    /** A class dump with no signers, protection domain, constant pool or statics. */
    public static ClassDump simple(long classId, long superId, long loaderId, int instanceSize,
                                   List<InstanceField> instanceFields) {
        return new ClassDump(classId, 1, superId, loaderId, 0, 0, 0, 0, instanceSize, List.of(), List.of(),
                instanceFields);
    }
}

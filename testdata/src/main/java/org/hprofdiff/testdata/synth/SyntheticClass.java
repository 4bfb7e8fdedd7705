package org.hprofdiff.testdata.synth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A class declared in a {@link SyntheticHeap}: its mirror's id, internal name, superclass, loader, own
 * instance fields and statics. Statics may be changed after definition (to point at objects created later);
 * the set of fields may not, because instances are laid out from it.
 */
public final class SyntheticClass {

    /** An instance field: name and type. */
    public record Field(String name, BasicType type) {
    }

    private final long id;
    private final String name;
    private final SyntheticClass superclass;
    private final long loaderId;
    private final long signersId;
    private final long protectionDomainId;
    private final List<Field> fields;
    private final LinkedHashMap<String, FieldValue> statics;
    private final List<ClassDump.ConstantPoolEntry> constantPool;
    private final List<Field> layout;
    private final long shallowSize;

    SyntheticClass(long id, String name, SyntheticClass superclass, long loaderId, long signersId,
                   long protectionDomainId, List<Field> fields, Map<String, FieldValue> statics,
                   List<ClassDump.ConstantPoolEntry> constantPool, long shallowSize) {
        this.id = id;
        this.name = name;
        this.superclass = superclass;
        this.loaderId = loaderId;
        this.signersId = signersId;
        this.protectionDomainId = protectionDomainId;
        this.fields = List.copyOf(fields);
        this.statics = new LinkedHashMap<>(statics);
        this.constantPool = List.copyOf(constantPool);
        this.shallowSize = shallowSize;
        List<Field> all = new ArrayList<>(this.fields);
        if (superclass != null) {
            all.addAll(superclass.layout);
        }
        this.layout = Collections.unmodifiableList(all);
    }

    public long id() {
        return id;
    }

    /** Internal form, e.g. {@code java/util/HashMap$Node}. */
    public String name() {
        return name;
    }

    public String javaName() {
        return InternalNames.toJava(name);
    }

    public SyntheticClass superclass() {
        return superclass;
    }

    public long loaderId() {
        return loaderId;
    }

    public long signersId() {
        return signersId;
    }

    public long protectionDomainId() {
        return protectionDomainId;
    }

    public boolean isArray() {
        return name.startsWith("[");
    }

    /** Fields declared by this class only, as its CLASS_DUMP lists them. */
    public List<Field> fields() {
        return fields;
    }

    /**
     * All instance fields in INSTANCE_DUMP order: this class's fields, then its superclass's, and so on
     * (heapDumper.cpp walks a HierarchicalFieldStream from the class up).
     */
    public List<Field> layout() {
        return layout;
    }

    public Map<String, FieldValue> statics() {
        return Collections.unmodifiableMap(statics);
    }

    public List<ClassDump.ConstantPoolEntry> constantPool() {
        return constantPool;
    }

    /** Changes a declared static's value; the type stays (references accept objects, classes or ids). */
    public SyntheticClass setStatic(String staticName, Object value) {
        FieldValue old = statics.get(staticName);
        if (old == null) {
            throw new IllegalArgumentException(name + " has no static " + staticName);
        }
        statics.put(staticName, FieldValue.convert(old.type(), value));
        return this;
    }

    /** What CLASS_DUMP calls the instance size: bytes of the field values in an INSTANCE_DUMP. */
    public int instanceDumpBytes(int idSize) {
        int bytes = 0;
        for (Field field : layout) {
            bytes += field.type().sizeInDump(idSize);
        }
        return bytes;
    }

    /** Real instance size under the model: header plus all fields, references at the model's size. */
    public long instanceShallowSize(SizeModel model) {
        long primitiveBytes = 0;
        int references = 0;
        for (Field field : layout) {
            if (field.type().isPrimitive()) {
                primitiveBytes += field.type().sizeInHeap(model.referenceBytes());
            } else {
                references++;
            }
        }
        return model.instanceSize(primitiveBytes, references);
    }

    /** Size this class's mirror was given in the address space. */
    public long shallowSize() {
        return shallowSize;
    }

    int slotOf(SyntheticClass declaring, String fieldName) {
        int index = 0;
        for (SyntheticClass c = this; c != null; c = c.superclass) {
            for (Field field : c.fields) {
                if (field.name().equals(fieldName) && (declaring == null || declaring == c)) {
                    return index;
                }
                index++;
            }
        }
        throw new IllegalArgumentException(name + " has no field " + fieldName
                + (declaring == null ? "" : " declared by " + declaring.name));
    }

    @Override
    public String toString() {
        return javaName() + "@0x" + Long.toHexString(id);
    }
}

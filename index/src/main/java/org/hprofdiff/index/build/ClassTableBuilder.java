package org.hprofdiff.index.build;

import org.hprofdiff.core.collect.LongIntMap;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.format.ClassDump;
import org.hprofdiff.core.size.SizeModel;
import org.hprofdiff.core.summary.RowSource;
import org.hprofdiff.index.table.ClassInfo;
import org.hprofdiff.index.table.PrimitiveArrayNames;
import org.hprofdiff.index.table.ClassTable;

/**
 * Builds the class table after the first pass: one entry per CLASS_DUMP (class index = class-dump
 * order), then placeholders for classes that objects refer to but the dump lacks, and for primitive
 * array types without a class dump. Shallow sizes: see {@link ShallowSizes}.
 */
final class ClassTableBuilder {
    private ClassTableBuilder() {}

    /** The string ids whose text the class table needs. */
    static void neededNames(FirstPass p1, LongIntMap needed) {
        for (long nameId : p1.classNameIds.values()) addId(needed, nameId);
        for (ClassDump c : p1.classDumps) {
            for (ClassDump.FieldDecl f : c.fields()) addId(needed, f.nameId());
            for (ClassDump.StaticField s : c.statics()) addId(needed, s.nameId());
        }
    }

    static void addId(LongIntMap set, long id) {
        if (id != 0) set.putIfAbsent(id, 1);
    }

    static Built build(FirstPass p1, Map<Long, String> names, RowSource.Sourced summary, SizeModel model, int idSize) {
        List<ClassDump> dumps = p1.classDumps;
        LongIntMap indexById = new LongIntMap(dumps.size() + 16);
        for (int i = 0; i < dumps.size(); i++) indexById.putIfAbsent(dumps.get(i).classId(), i);
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < dumps.size(); i++) {
            ClassDump c = dumps.get(i);
            Long nameId = p1.classNameIds.get(c.classId());
            String name = nameId == null ? null : names.get(nameId);
            if (name == null) name = "<class 0x" + HexFormat.of().toHexDigits(c.classId()) + ">";
            List<ClassInfo.Field> fields = new ArrayList<>();
            for (ClassDump.FieldDecl f : c.fields()) fields.add(new ClassInfo.Field(nameOf(names, f.nameId()), f.type()));
            List<ClassInfo.Static> statics = new ArrayList<>();
            for (ClassDump.StaticField s : c.statics()) statics.add(new ClassInfo.Static(nameOf(names, s.nameId()), s.type(), s.value()));
            int superIndex = c.superId() == 0 ? -1 : indexById.get(c.superId());
            drafts.add(new Draft(c.classId(), p1.classDumpOrdinals.get(i), name, superIndex, c.loaderId(), c.superId(), c.signersId(),
                    c.protectionDomainId(), false, fields, statics));
        }
        for (long key : p1.referencedClassIds.keys()) {
            long classId = key == FirstPass.UNKNOWN_CLASS_KEY ? 0 : key;
            if (classId != 0 && indexById.contains(classId)) continue;
            boolean array = p1.referencedClassIds.get(key) == FirstPass.REFERENCED_BY_ARRAY;
            String name = classId == 0 ? (array ? "[L<unknown class>;" : "<unknown class>")
                    : (array ? "[L<missing class 0x" + HexFormat.of().toHexDigits(classId) + ">;" : "<missing class 0x" + HexFormat.of().toHexDigits(classId) + ">");
            indexById.putIfAbsent(key, drafts.size());
            drafts.add(new Draft(classId, -1, name, -1, 0, 0, 0, 0, true, List.of(), List.of()));
        }
        for (BasicType t : BasicType.values()) {
            if (t == BasicType.OBJECT) continue;
            String name = PrimitiveArrayNames.primitiveArrayName(t);
            boolean present = drafts.stream().anyMatch(d -> d.name.equals(name));
            if (!present) drafts.add(new Draft(0, -1, name, -1, 0, 0, 0, 0, true, List.of(), List.of()));
        }
        if (drafts.stream().noneMatch(d -> d.name.equals("java/lang/Class"))) {
            drafts.add(new Draft(0, -1, "java/lang/Class", -1, 0, 0, 0, 0, true, List.of(), List.of()));
        }
        // Layouts first (sizes depend on superclasses' fields), then sizes.
        ClassTable layoutOnly = new ClassTable(infos(drafts, null), idSize);
        ShallowSizes.Result sizes = ShallowSizes.of(layoutOnly, summary, model);
        return new Built(new ClassTable(infos(drafts, sizes), idSize), sizes.note());
    }

    /** The table, and how its classes were sized (for the manifest). */
    record Built(ClassTable table, String sizeNote) {}

    /** The table with class-object and loader ordinals and per-class totals filled in. */
    static ClassTable complete(ClassTable table, long[] loaderOrdinals, long[] instances, long[] instanceBytes) {
        List<ClassInfo> list = new ArrayList<>(table.size());
        for (ClassInfo c : table.all()) {
            int i = c.index();
            list.add(new ClassInfo(i, c.classId(), c.ordinal(), c.name(), c.superIndex(), c.loaderId(), loaderOrdinals[i], c.superId(),
                    c.signersId(), c.protectionDomainId(), c.kind(),
                    c.elementType(), c.placeholder(), c.instanceSize(), c.classObjectSize(), instances[i], instanceBytes[i], c.fields(), c.statics()));
        }
        return new ClassTable(list, table.idSize());
    }

    private static List<ClassInfo> infos(List<Draft> drafts, ShallowSizes.Result sizes) {
        List<ClassInfo> list = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            BasicType primitive = PrimitiveArrayNames.primitiveArrayType(d.name);
            ClassInfo.Kind kind = primitive != null ? ClassInfo.Kind.PRIMITIVE_ARRAY
                    : d.name.startsWith("[") ? ClassInfo.Kind.OBJECT_ARRAY : ClassInfo.Kind.INSTANCE;
            BasicType element = primitive != null ? primitive : kind == ClassInfo.Kind.OBJECT_ARRAY ? BasicType.OBJECT : null;
            long instanceSize = sizes == null ? 0 : sizes.instanceSize()[i];
            long classObjectSize = sizes == null ? 0 : sizes.classObjectSize()[i];
            list.add(new ClassInfo(i, d.classId, d.ordinal, d.name, d.superIndex, d.loaderId, -1, d.superId, d.signersId, d.protectionDomainId,
                    kind, element, d.placeholder, instanceSize, classObjectSize, 0, 0, List.copyOf(d.fields), List.copyOf(d.statics)));
        }
        return list;
    }

    private static String nameOf(Map<Long, String> names, long id) {
        String n = names.get(id);
        return n != null ? n : "<field 0x" + Long.toHexString(id) + ">";
    }

    private record Draft(long classId, long ordinal, String name, int superIndex, long loaderId, long superId, long signersId,
                         long protectionDomainId, boolean placeholder,
                         List<ClassInfo.Field> fields, List<ClassInfo.Static> statics) {}
}

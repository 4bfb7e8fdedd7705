package org.hprofdiff.testdata.synth;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates and encodes one {@link ChunkMap} chunk at a time into a {@link SegmentStream}, counting what it
 * wrote. Each chunk is planned first (object addresses, so references may point forward and form cycles)
 * then encoded in address order; the plan lives in reused arrays, so memory does not grow with the dump.
 * Every chunk ends with an unreferenced byte[] filling it exactly, as a dead object would.
 */
final class ChunkEncoder {

    /** The classes whose instances the chunks hold, as defined in the generator's {@link SyntheticHeap}. */
    record BulkClasses(SyntheticClass string, SyntheticClass hashMap, SyntheticClass mapNode,
                       SyntheticClass listNode, SyntheticClass order, SyntheticClass objectArray,
                       SyntheticClass nodeArray) {

        /** Fails fast if a class's field order differs from the order the encoder writes. */
        void checkLayouts() {
            expect(string, "value", "coder", "hash", "hashIsZero");
            expect(hashMap, "table", "entrySet", "size", "modCount", "threshold", "loadFactor", "keySet", "values");
            expect(mapNode, "hash", "key", "value", "next");
            expect(listNode, "next", "payload", "stamp");
            expect(order, "id", "qty", "note", "lines", "parent");
        }

        private static void expect(SyntheticClass cls, String... names) {
            List<String> actual = cls.layout().stream().map(SyntheticClass.Field::name).toList();
            if (!actual.equals(List.of(names))) {
                throw new IllegalStateException(cls.name() + " fields " + actual + " are not " + List.of(names));
            }
        }
    }

    /** What is counted per class (the names are the Java-form class names). */
    enum Counted {
        STRING("java.lang.String"), HASH_MAP("java.util.HashMap"), MAP_NODE("java.util.HashMap$Node"),
        LIST_NODE("com.example.list.Node"), ORDER("com.example.Order"), OBJECT_ARRAY("java.lang.Object[]"),
        NODE_ARRAY("java.util.HashMap$Node[]"), BYTE_ARRAY("byte[]"), CHAR_ARRAY("char[]"), INT_ARRAY("int[]"),
        LONG_ARRAY("long[]");

        final String javaName;

        Counted(String javaName) {
            this.javaName = javaName;
        }

        ObjectKind kind() {
            return switch (this) {
                case OBJECT_ARRAY, NODE_ARRAY -> ObjectKind.OBJECT_ARRAY;
                case BYTE_ARRAY, CHAR_ARRAY, INT_ARRAY, LONG_ARRAY -> ObjectKind.PRIMITIVE_ARRAY;
                default -> ObjectKind.INSTANCE;
            };
        }
    }

    private static final int MIN_FILLER = 16;
    private static final int STRINGS_HEAD_LENGTH = 1024;
    private static final int ORDERS_HEAD_LENGTH = 256;
    private static final int MAX_OBJECTS = ChunkMap.SPAN / 16;
    /** Text and random bytes for array contents: copying from a pool is far cheaper than generating. */
    private static final byte[] POOL = pool();

    private final SegmentStream out;
    private final ChunkMap map;
    private final BulkClasses classes;
    private final SizeModel model;
    private final long[] counts = new long[Counted.values().length];
    private long shallowBytes;
    private long fieldReferences;
    private long elementReferences;

    private final long[] address = new long[MAX_OBJECTS];
    private final int[] length = new int[MAX_OBJECTS];
    private final int[] variant = new int[MAX_OBJECTS];
    private final int[] hash = new int[MAX_OBJECTS];
    private final int[] nextInBucket = new int[MAX_OBJECTS];
    private final int[] bucketHead = new int[1024];
    private final long[] elements = new long[STRINGS_HEAD_LENGTH];
    private SplittableRandom random;

    ChunkEncoder(SegmentStream out, ChunkMap map, BulkClasses classes, SizeModel model) {
        classes.checkLayouts();
        this.out = out;
        this.map = map;
        this.classes = classes;
        this.model = model;
    }

    long count(Counted counted) {
        return counts[counted.ordinal()];
    }

    long shallowBytes() {
        return shallowBytes;
    }

    long fieldReferences() {
        return fieldReferences;
    }

    long elementReferences() {
        return elementReferences;
    }

    void encode(int chunk) {
        random = new SplittableRandom(map.chunkSeed(chunk));
        long base = map.address(chunk);
        long used = switch (map.kind(chunk)) {
            case LIST -> list(chunk, base);
            case STRINGS -> strings(base);
            case MAP -> hashMap(base);
            case ORDERS -> orders(base);
        };
        int rest = (int) (ChunkMap.SPAN - used);
        byteArray(base + used, rest - model.arrayHeaderBytes());
    }

    // ---------------------------------------------------------------- chunk kinds

    private long list(int chunk, long base) {
        long nodeSize = classes.listNode().instanceShallowSize(model);
        long maxGroup = nodeSize + model.arraySize(BasicType.BYTE, 40);
        int n = 0;
        long used = 0;
        while (used + maxGroup + MIN_FILLER <= ChunkMap.SPAN) {
            address[n] = base + used;
            length[n] = random.nextInt(4) == 0 ? 8 + random.nextInt(33) : -1;
            used += nodeSize + (length[n] < 0 ? 0 : model.arraySize(BasicType.BYTE, length[n]));
            n++;
        }
        int nextChunk = map.nextListChunk(chunk);
        long chainTail = nextChunk < 0 ? 0 : map.address(nextChunk);
        for (int i = 0; i < n; i++) {
            long payload = length[i] < 0 ? 0 : address[i] + nodeSize;
            instanceHeader(Counted.LIST_NODE, classes.listNode(), address[i], 24);
            reference(i + 1 < n ? address[i + 1] : chainTail);
            reference(payload);
            out.u8(random.nextLong());
            if (payload != 0) {
                byteArray(payload, length[i]);
            }
        }
        return used;
    }

    private long strings(long base) {
        long stringSize = classes.string().instanceShallowSize(model);
        long maxGroup = stringSize + model.arraySize(BasicType.BYTE, 48);
        long used = model.arraySize(BasicType.OBJECT, STRINGS_HEAD_LENGTH);
        int n = 0;
        while (n < STRINGS_HEAD_LENGTH && used + maxGroup + MIN_FILLER <= ChunkMap.SPAN) {
            address[n] = base + used;
            boolean chars = random.nextInt(8) == 0;
            variant[n] = chars ? 1 : 0;
            length[n] = chars ? 4 + random.nextInt(29) : 4 + random.nextInt(45);
            used += chars ? model.arraySize(BasicType.CHAR, length[n])
                    : stringSize + model.arraySize(BasicType.BYTE, length[n]);
            n++;
        }
        objectArray(Counted.OBJECT_ARRAY, classes.objectArray(), base, address, n, STRINGS_HEAD_LENGTH);
        for (int i = 0; i < n; i++) {
            if (variant[i] == 1) {
                charArray(address[i], length[i]);
            } else {
                string(address[i], address[i] + stringSize, random.nextInt());
                byteArray(address[i] + stringSize, length[i]);
            }
        }
        return used;
    }

    private long hashMap(long base) {
        long mapSize = classes.hashMap().instanceShallowSize(model);
        long nodeSize = classes.mapNode().instanceShallowSize(model);
        long stringSize = classes.string().instanceShallowSize(model);
        long orderSize = classes.order().instanceShallowSize(model);
        int capacity = 64 << random.nextInt(4);
        int threshold = capacity * 3 / 4;
        int n = threshold - random.nextInt(capacity / 4);
        long table = base + mapSize;
        long used = mapSize + model.arraySize(BasicType.OBJECT, capacity);
        Arrays.fill(bucketHead, 0, capacity, -1);
        for (int i = 0; i < n; i++) {
            address[i] = base + used;
            length[i] = 8 + random.nextInt(17);
            hash[i] = random.nextInt();
            int bucket = (hash[i] ^ (hash[i] >>> 16)) & (capacity - 1); // HashMap.hash spreading
            nextInBucket[i] = bucketHead[bucket];
            bucketHead[bucket] = i;
            used += nodeSize + stringSize + model.arraySize(BasicType.BYTE, length[i]) + orderSize;
        }
        instanceHeader(Counted.HASH_MAP, classes.hashMap(), base, 8 + 8 + 4 + 4 + 4 + 4 + 8 + 8);
        reference(table);
        reference(0);
        out.u4(n);
        out.u4(n);
        out.u4(threshold);
        out.u4(Float.floatToRawIntBits(0.75f));
        reference(0);
        reference(0);
        for (int bucket = 0; bucket < capacity; bucket++) {
            elements[bucket] = bucketHead[bucket] < 0 ? 0 : address[bucketHead[bucket]];
        }
        objectArray(Counted.NODE_ARRAY, classes.nodeArray(), table, elements, capacity, capacity);
        for (int i = 0; i < n; i++) {
            long key = address[i] + nodeSize;
            long keyBytes = key + stringSize;
            long value = keyBytes + model.arraySize(BasicType.BYTE, length[i]);
            instanceHeader(Counted.MAP_NODE, classes.mapNode(), address[i], 4 + 8 + 8 + 8);
            out.u4(hash[i]);
            reference(key);
            reference(value);
            reference(nextInBucket[i] < 0 ? 0 : address[nextInBucket[i]]);
            string(key, keyBytes, hash[i]);
            byteArray(keyBytes, length[i]);
            order(value, random.nextLong(), key, 0, 0);
        }
        return used;
    }

    private long orders(long base) {
        long orderSize = classes.order().instanceShallowSize(model);
        long maxGroup = orderSize + model.arraySize(BasicType.OBJECT, 6) + model.arraySize(BasicType.INT, 32);
        long used = model.arraySize(BasicType.OBJECT, ORDERS_HEAD_LENGTH);
        int n = 0;
        while (n < ORDERS_HEAD_LENGTH && used + maxGroup + MIN_FILLER <= ChunkMap.SPAN) {
            address[n] = base + used;
            length[n] = 2 + random.nextInt(5);
            int extra = random.nextInt(8);
            variant[n] = extra < 2 ? 4 + random.nextInt(29) : extra == 2 ? -(2 + random.nextInt(15)) : 0;
            used += orderSize + model.arraySize(BasicType.OBJECT, length[n]) + extraSize(variant[n]);
            n++;
        }
        objectArray(Counted.OBJECT_ARRAY, classes.objectArray(), base, address, n, ORDERS_HEAD_LENGTH);
        long[] lines = new long[6];
        for (int i = 0; i < n; i++) {
            long linesAddress = address[i] + orderSize;
            long extraAddress = linesAddress + model.arraySize(BasicType.OBJECT, length[i]);
            // the first order is its own parent: a self-reference; the others point back, lines point anywhere
            order(address[i], random.nextLong(), 0, linesAddress, address[Math.max(0, i - 1)]);
            for (int k = 0; k < length[i]; k++) {
                lines[k] = address[random.nextInt(n)];
            }
            if (variant[i] != 0) {
                lines[length[i] - 1] = extraAddress;
            }
            objectArray(Counted.OBJECT_ARRAY, classes.objectArray(), linesAddress, lines, length[i], length[i]);
            if (variant[i] > 0) {
                primitiveArray(Counted.INT_ARRAY, BasicType.INT, extraAddress, variant[i]);
            } else if (variant[i] < 0) {
                primitiveArray(Counted.LONG_ARRAY, BasicType.LONG, extraAddress, -variant[i]);
            }
        }
        return used;
    }

    private long extraSize(int extraVariant) {
        return extraVariant > 0 ? model.arraySize(BasicType.INT, extraVariant)
                : extraVariant < 0 ? model.arraySize(BasicType.LONG, -extraVariant) : 0;
    }

    // ---------------------------------------------------------------- objects

    private void string(long id, long value, int stringHash) {
        instanceHeader(Counted.STRING, classes.string(), id, 8 + 1 + 4 + 1);
        reference(value);
        out.u1(0); // coder LATIN1
        out.u4(stringHash);
        out.u1(0);
    }

    private void order(long id, long orderId, long note, long lines, long parent) {
        instanceHeader(Counted.ORDER, classes.order(), id, 8 + 4 + 8 + 8 + 8);
        out.u8(orderId);
        out.u4((int) (orderId & 0x3F));
        reference(note);
        reference(lines);
        reference(parent);
    }

    private void instanceHeader(Counted counted, SyntheticClass cls, long id, int fieldBytes) {
        out.instanceHeader(id, cls.id(), fieldBytes);
        counts[counted.ordinal()]++;
        shallowBytes += cls.instanceShallowSize(model);
    }

    private void reference(long id) {
        out.u8(id);
        if (id != 0) {
            fieldReferences++;
        }
    }

    /** An object array of {@code capacity} elements: the first {@code used} from {@code ids}, then nulls. */
    private void objectArray(Counted counted, SyntheticClass arrayClass, long id, long[] ids, int used, int capacity) {
        out.objectArrayHeader(id, arrayClass.id(), capacity);
        for (int i = 0; i < capacity; i++) {
            long element = i < used ? ids[i] : 0;
            out.u8(element);
            if (element != 0) {
                elementReferences++;
            }
        }
        counts[counted.ordinal()]++;
        shallowBytes += model.arraySize(BasicType.OBJECT, capacity);
    }

    private void byteArray(long id, int count) {
        primitiveArray(Counted.BYTE_ARRAY, BasicType.BYTE, id, count);
    }

    private void charArray(long id, int count) {
        primitiveArray(Counted.CHAR_ARRAY, BasicType.CHAR, id, count);
    }

    private void primitiveArray(Counted counted, BasicType type, long id, int count) {
        out.primitiveArrayHeader(id, type, count);
        int bytes = count * type.sizeInDump(8);
        int from = random.nextInt(POOL.length - bytes) & ~1; // even offset keeps char data on whole chars
        out.bytes(POOL, from, bytes);
        counts[counted.ordinal()]++;
        shallowBytes += model.arraySize(type, count);
    }

    /** Lower-case text with a zero byte before each letter, so it reads as Latin-1 bytes or UTF-16 chars. */
    private static byte[] pool() {
        byte[] pool = new byte[1 << 16];
        SplittableRandom random = new SplittableRandom(1);
        byte[] words = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "
                .getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < pool.length; i += 2) {
            pool[i] = random.nextInt(16) == 0 ? (byte) random.nextInt(256) : 0;
            pool[i + 1] = words[random.nextInt(words.length)];
        }
        return pool;
    }
}

package org.hprofdiff.testdata.synth;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a large, realistic hprof fast and says what is in it, for benchmarks:
 * <pre>
 * java -Xmx256m -cp testdata.jar org.hprofdiff.testdata.synth.LargeDumpGenerator --size 1g --seed 42 --out x.hprof
 * </pre>
 * The dump has 8-byte ids and compressed-oops sizes. Its bulk is {@link ChunkMap} chunks (64 KiB of address
 * space each, filled exactly) of linked-list nodes, Strings with byte[] values and char[]s, HashMaps with
 * tables and chained nodes, Orders with object and primitive arrays; a small "VM dumper" part built with
 * {@link SyntheticHeap} holds the classes (a class name defined by three class loaders, classes with static
 * references into the bulk), threads, GC roots, a directory of Object[]s holding the chunks, and one byte[]
 * larger than a segment. Segments come as a JDK 22+ parallel dump writes them: 1 MiB address blocks dealt to
 * {@code --dumpers} dumpers, each dumper's blocks in address order, dumper after dumper, with the class dumps
 * after the first dumper's objects. Everything derives from the seed: same seed and size, same bytes.
 * <p>
 * Totals go to stdout as JSON and to {@code <out>.expected.json}; speed to stderr. Memory does not grow with
 * the size (chunks are generated one at a time into reused buffers).
 */
public final class LargeDumpGenerator {

    /** @param dumpers threads of the imitated parallel dump; @param classDumpsFirst class dumps before objects */
    public record Options(long targetBytes, long seed, int dumpers, boolean classDumpsFirst) {
        public Options {
            if (targetBytes < 1 || dumpers < 1) {
                throw new IllegalArgumentException("size and dumpers must be positive");
            }
        }
    }

    private static final int BLOCK_CHUNKS = (1 << 20) / ChunkMap.SPAN;
    private static final int DIRECTORY_PIECE = 4096;
    private static final int LOADERS = 3;
    /** Larger than a segment, so it becomes a "huge" sub-record with a segment of its own. */
    private static final int BIG_ARRAY_BYTES = 3 << 19;
    private static final int ESTIMATE_CHUNKS = 24;
    private static final SizeModel MODEL = SizeModel.COMPRESSED_OOPS;

    private LargeDumpGenerator() {
    }

    public static void main(String[] args) throws IOException {
        long size = 1L << 30;
        long seed = 42;
        int dumpers = 4;
        boolean classDumpsFirst = false;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size" -> size = parseSize(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--dumpers" -> dumpers = Integer.parseInt(args[++i]);
                case "--classes-first" -> classDumpsFirst = true;
                default -> {
                    System.err.println("usage: LargeDumpGenerator --size <n[k|m|g]> --out <file> [--seed <n>]"
                            + " [--dumpers <n>] [--classes-first]");
                    System.exit(2);
                }
            }
        }
        if (out == null) {
            System.err.println("LargeDumpGenerator: --out is required");
            System.exit(2);
        }
        long start = System.nanoTime();
        GeneratedTotals totals = generate(out, new Options(size, seed, dumpers, classDumpsFirst));
        double seconds = (System.nanoTime() - start) / 1e9;
        String json = totals.toJson();
        Files.writeString(expectedJsonPath(out), json, StandardCharsets.UTF_8);
        System.out.print(json);
        System.err.printf(Locale.ROOT, "wrote %s: %,d bytes in %.2f s (%.0f MB/s), %,d objects%n", out,
                totals.fileBytes(), seconds, totals.fileBytes() / seconds / 1e6,
                totals.objects().values().stream().mapToLong(Long::longValue).sum());
    }

    public static Path expectedJsonPath(Path dump) {
        return dump.resolveSibling(dump.getFileName() + ".expected.json");
    }

    /** {@code 123}, {@code 20m}, {@code 20mb}, {@code 1.5g}, {@code 40G}: binary units. */
    public static long parseSize(String text) {
        String lower = text.trim().toLowerCase(Locale.ROOT).replaceFirst("i?b$", "");
        int shift = switch (lower.isEmpty() ? ' ' : lower.charAt(lower.length() - 1)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            case 't' -> 40;
            default -> 0;
        };
        String number = shift == 0 ? lower : lower.substring(0, lower.length() - 1);
        return (long) (Double.parseDouble(number) * (1L << shift));
    }

    /** Writes the dump to {@code path} and returns its totals (the caller writes the JSON where it wants). */
    public static GeneratedTotals generate(Path path, Options options) {
        SyntheticHeap heap = new SyntheticHeap(HeapOptions.hotspot64());
        ChunkEncoder.BulkClasses classes = defineBulkClasses(heap);
        int chunkCount = estimateChunkCount(options, classes);
        VmPart vm = VmPart.build(heap, options.seed(), chunkCount);

        try (OutputStream file = Files.newOutputStream(path)) {
            HprofWriter writer = heap.openWriter(file);
            heap.writePreamble(writer, Layout.hotspot());
            writer.flush(); // the writer buffers; the bulk goes to the file directly, so hand over in order
            SegmentStream segments = new SegmentStream(file, HprofWriter.HOTSPOT_SEGMENT_BODY_LIMIT);
            ChunkEncoder encoder = new ChunkEncoder(segments, vm.map(), classes, MODEL);
            if (options.classDumpsFirst()) {
                writeVmPart(heap, writer);
            }
            for (int dumper = 0; dumper < options.dumpers(); dumper++) {
                for (int block = dumper; (long) block * BLOCK_CHUNKS < chunkCount; block += options.dumpers()) {
                    int end = Math.min(chunkCount, (block + 1) * BLOCK_CHUNKS);
                    for (int chunk = block * BLOCK_CHUNKS; chunk < end; chunk++) {
                        encoder.encode(chunk);
                    }
                }
                segments.flush();
                if (dumper == 0 && !options.classDumpsFirst()) {
                    writeVmPart(heap, writer);
                }
            }
            writer.heapDumpEnd();
            writer.flush();
            return totals(options, heap, encoder, chunkCount, Files.size(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeVmPart(SyntheticHeap heap, HprofWriter writer) {
        heap.writeHeapContent(writer);
        writer.flush(); // frames the last segment and hands it to the file before the bulk writes resume
    }

    private static ChunkEncoder.BulkClasses defineBulkClasses(SyntheticHeap heap) {
        SyntheticClass object = heap.systemClass("java.lang.Object");
        SyntheticClass abstractMap = heap.newClass("java.util.AbstractMap").field("keySet", BasicType.OBJECT)
                .field("values", BasicType.OBJECT).define();
        SyntheticClass hashMap = heap.newClass("java.util.HashMap").superclass(abstractMap)
                .field("table", BasicType.OBJECT).field("entrySet", BasicType.OBJECT).field("size", BasicType.INT)
                .field("modCount", BasicType.INT).field("threshold", BasicType.INT)
                .field("loadFactor", BasicType.FLOAT).define();
        SyntheticClass mapNode = heap.newClass("java.util.HashMap$Node").field("hash", BasicType.INT)
                .field("key", BasicType.OBJECT).field("value", BasicType.OBJECT).field("next", BasicType.OBJECT)
                .define();
        SyntheticClass listNode = heap.newClass("com.example.list.Node").field("next", BasicType.OBJECT)
                .field("payload", BasicType.OBJECT).field("stamp", BasicType.LONG).define();
        SyntheticClass order = heap.newClass("com.example.Order").field("id", BasicType.LONG)
                .field("qty", BasicType.INT).field("note", BasicType.OBJECT).field("lines", BasicType.OBJECT)
                .field("parent", BasicType.OBJECT).define();
        for (BasicType type : new BasicType[] {BasicType.BYTE, BasicType.CHAR, BasicType.INT, BasicType.LONG}) {
            heap.systemClass(type.arrayClassName());
        }
        return new ChunkEncoder.BulkClasses(heap.systemClass("java.lang.String"), hashMap, mapNode, listNode, order,
                heap.arrayClassOf(object), heap.arrayClassOf(mapNode));
    }

    /** Chunks needed for the target size, from the encoded size of the first few chunks. */
    private static int estimateChunkCount(Options options, ChunkEncoder.BulkClasses classes) {
        SegmentStream sink = new SegmentStream(OutputStream.nullOutputStream(), HprofWriter.HOTSPOT_SEGMENT_BODY_LIMIT);
        ChunkEncoder sample = new ChunkEncoder(sink, new ChunkMap(options.seed(), ESTIMATE_CHUNKS, 0), classes, MODEL);
        for (int chunk = 0; chunk < ESTIMATE_CHUNKS; chunk++) {
            sample.encode(chunk);
        }
        sink.flush();
        double bytesPerChunk = (double) sink.bytesWritten() / ESTIMATE_CHUNKS;
        long fixed = BIG_ARRAY_BYTES + (1 << 16);
        long chunks = Math.round(Math.max(0, options.targetBytes() - fixed) / bytesPerChunk);
        if (chunks > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("target size too large");
        }
        return (int) Math.max(1, chunks);
    }

    private static GeneratedTotals totals(Options options, SyntheticHeap heap, ChunkEncoder encoder, int chunks,
                                          long fileBytes) {
        HeapTruth vm = heap.truth();
        Map<ObjectKind, Long> objects = new EnumMap<>(ObjectKind.class);
        Map<String, Long> byClass = new HashMap<>(vm.objectCountsByClassName());
        for (ObjectKind kind : ObjectKind.values()) {
            objects.put(kind, vm.count(kind));
        }
        for (ChunkEncoder.Counted counted : ChunkEncoder.Counted.values()) {
            objects.merge(counted.kind(), encoder.count(counted), Long::sum);
            byClass.merge(counted.javaName, encoder.count(counted), Long::sum);
        }
        long mirrorBytes = heap.classes().stream().mapToLong(SyntheticClass::shallowSize).sum();
        return new GeneratedTotals(options.seed(), options.targetBytes(), fileBytes, heap.options().idSize(), MODEL,
                chunks, options.dumpers(), objects, byClass,
                vm.totalShallowBytes() - mirrorBytes + encoder.shallowBytes(), mirrorBytes,
                vm.edges(Edge.Kind.FIELD).size() + encoder.fieldReferences(),
                vm.edges(Edge.Kind.ARRAY_ELEMENT).size() + encoder.elementReferences(),
                vm.edges(Edge.Kind.STATIC_FIELD).size(), vm.roots().size(),
                encoder.count(ChunkEncoder.Counted.LIST_NODE));
    }

    /**
     * The non-bulk part: class loaders defining same-named classes with statics into the bulk, a registry
     * class holding the list head and the chunk directory, threads, roots, one huge byte[]. It is allocated
     * before the chunks, so the chunks start at the next 64 KiB boundary after it.
     */
    private record VmPart(ChunkMap map) {

        static VmPart build(SyntheticHeap heap, long seed, int chunkCount) {
            SyntheticClass object = heap.systemClass("java.lang.Object");
            SyntheticClass loaderClass = heap.newClass("com.example.AppClassLoader")
                    .superclass(heap.systemClass("java.lang.ClassLoader")).field("id", BasicType.INT).define();
            HeapObject[] loaders = new HeapObject[LOADERS];
            SyntheticClass[] services = new SyntheticClass[LOADERS];
            for (int i = 0; i < LOADERS; i++) {
                loaders[i] = heap.instance(loaderClass, "name", heap.string("plugin-" + i), "id", i);
                services[i] = heap.newClass("com.example.plugin.Service").loader(loaders[i])
                        .staticField("CACHE", BasicType.OBJECT, null).staticField("COUNT", BasicType.INT, i).define();
            }
            SyntheticClass registry = heap.newClass("com.example.Registry")
                    .staticField("HEAD", BasicType.OBJECT, null).staticField("CHUNKS", BasicType.OBJECT, null)
                    .staticField("LOADERS", BasicType.OBJECT, null).define();
            SyntheticThread main = heap.thread("main", "main", "run");
            heap.thread("worker-1", "poll");

            ChunkMap unplaced = new ChunkMap(seed, chunkCount, 0);
            int listed = 0;
            for (int chunk = 0; chunk < chunkCount; chunk++) {
                listed += unplaced.isListed(chunk) ? 1 : 0;
            }
            HeapObject directory = heap.objectArray(heap.arrayClassOf(object), (listed + DIRECTORY_PIECE - 1) / DIRECTORY_PIECE);
            HeapObject[] pieces = new HeapObject[directory.length()];
            for (int i = 0; i < pieces.length; i++) {
                pieces[i] = heap.objectArray(heap.arrayClassOf(object), Math.min(DIRECTORY_PIECE, listed - i * DIRECTORY_PIECE));
                directory.setElement(i, pieces[i]);
            }
            HeapObject loaderArray = heap.objectArray(object, (Object[]) loaders);
            HeapObject big = heap.primitiveArray(BasicType.BYTE, BIG_ARRAY_BYTES);
            heap.root(GcRoot.jniGlobal(big.id(), 0x7f00_dead_0000L));

            long base = (heap.nextAddress() + ChunkMap.SPAN - 1) & -(long) ChunkMap.SPAN;
            ChunkMap map = new ChunkMap(seed, chunkCount, base);
            int slot = 0;
            for (int chunk = 0; chunk < chunkCount; chunk++) {
                if (map.isListed(chunk)) {
                    pieces[slot / DIRECTORY_PIECE].setElement(slot % DIRECTORY_PIECE, map.address(chunk));
                    slot++;
                }
            }
            int firstList = map.kind(0) == ChunkMap.Kind.LIST ? 0 : map.nextListChunk(0);
            registry.setStatic("HEAD", firstList < 0 ? 0L : map.address(firstList));
            registry.setStatic("CHUNKS", directory);
            registry.setStatic("LOADERS", loaderArray);
            for (int i = 0; i < LOADERS; i++) {
                int mapChunk = map.listedChunk(ChunkMap.Kind.MAP, i);
                services[i].setStatic("CACHE", mapChunk < 0 ? 0L : map.address(mapChunk));
            }
            int orders = map.listedChunk(ChunkMap.Kind.ORDERS, 0);
            if (orders >= 0) {
                heap.root(GcRoot.onThread(RootKind.JAVA_FRAME, map.address(orders), main.serial(), 0));
            }
            return new VmPart(map);
        }
    }
}

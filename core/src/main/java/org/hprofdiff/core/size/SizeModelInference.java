package org.hprofdiff.core.size;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.size.FieldLayout.OwnFields;

/**
 * Works out the {@link SizeModel} of the VM that wrote a dump from the dump itself.
 *
 * <p>Object ids in HotSpot dumps are addresses, and within one heap record objects come in address
 * order (a JDK 22+ parallel dump writes each segment from one address-ordered run of the heap). So the
 * distance from one object to the next one in the record is an upper bound of the first one's size,
 * exact when the two are adjacent, which is the rule in a heap just compacted by the full GC of a
 * live dump. An array's size depends only on the layout and its length, so each layout candidate
 * (header 8/12/16, references 4/8, array base aligned to 8 or not, alignment) is scored by how many
 * array gaps it explains exactly; the candidate that explains the most wins. Gaps after instances are
 * weaker evidence (the VM may add fields the dump does not show) and only break ties, among them the
 * choice of field layout ({@link FieldLayout}), which arrays do not show. A candidate that makes an
 * object larger than the gap to its successor is contradicted.
 *
 * <p>4-byte ids mean a 32-bit VM (8-byte header, 4-byte references). When ids are not addresses (the
 * JVMTI hprof agent numbers objects) no candidate explains the gaps and the default for the id size
 * is used, saying so in {@link SizeModel#origin()}.
 */
public final class SizeModelInference {
    /** Array gaps kept for scoring; the first ones suffice, the layout is the same all over the heap. */
    static final int MAX_ARRAY_SAMPLES = 1 << 16;
    /** Exact fits below this (or below this share of the samples) are not trusted as evidence. */
    static final int MIN_EXACT_FITS = 8;
    static final double MIN_EXACT_SHARE = 0.10;
    private static final int MAX_ALIGNMENT = 256;

    private final int idSize;
    private long addressBits;
    private final byte[] sampleTypes = new byte[MAX_ARRAY_SAMPLES];
    private final int[] sampleLengths = new int[MAX_ARRAY_SAMPLES];
    private final long[] sampleGaps = new long[MAX_ARRAY_SAMPLES];
    private int samples;
    private final List<ClassGap> classGaps = new ArrayList<>();

    private record ClassGap(List<OwnFields> chain, long smallestGap) {}

    public SizeModelInference(int idSize) {
        if (idSize != 4 && idSize != 8) throw new IllegalArgumentException("id size " + idSize);
        this.idSize = idSize;
    }

    /** Every object's address, for the alignment: objects start at multiples of it. */
    public void objectAddress(long address) {
        addressBits |= address;
    }

    /** The distance from an array (OBJECT for object arrays) to the next object of its heap record. */
    public void arrayGap(BasicType elementType, int length, long gap) {
        if (samples == MAX_ARRAY_SAMPLES) return;
        sampleTypes[samples] = (byte) elementType.ordinal();
        sampleLengths[samples] = length;
        sampleGaps[samples] = gap;
        samples++;
    }

    /** A copy with the same address evidence and array gaps, and no class gaps: each summary adds its own. */
    public SizeModelInference withoutClassGaps() {
        SizeModelInference copy = new SizeModelInference(idSize);
        copy.absorb(this, 0, samples);
        return copy;
    }

    /** Array gaps kept so far (at most {@link #MAX_ARRAY_SAMPLES}). */
    public int arraySamples() { return samples; }

    /**
     * Takes over what another inference (one thread's share of the heap records) saw: the alignment evidence,
     * and its array gaps {@code [from, to)} appended after this one's while room is left. Merging the shares
     * record by record in file order keeps exactly the samples one pass in file order would keep.
     */
    public void absorb(SizeModelInference other, int from, int to) {
        addressBits |= other.addressBits;
        int n = Math.min(to - from, MAX_ARRAY_SAMPLES - samples);
        if (n <= 0) return;
        System.arraycopy(other.sampleTypes, from, sampleTypes, samples, n);
        System.arraycopy(other.sampleLengths, from, sampleLengths, samples, n);
        System.arraycopy(other.sampleGaps, from, sampleGaps, samples, n);
        samples += n;
    }

    /** The smallest distance from an instance of one class to the next object; {@code chain}: its fields, root class first. */
    public void classGap(List<OwnFields> chain, long smallestGap) {
        classGaps.add(new ClassGap(List.copyOf(chain), smallestGap));
    }

    /** The best model consistent with {@code overrides}, with its origin. */
    public SizeModel infer(SizeModelOverrides overrides) {
        List<Score> scores = new ArrayList<>();
        int order = 0;
        for (SizeModel candidate : candidates(overrides)) scores.add(score(candidate, order++));
        // Arrays decide (their sizes depend on nothing else); instance gaps only break ties between
        // layouts that size every sampled array alike (e.g. headers 8 and 12 with 8-aligned array bases).
        Score best = scores.stream().min(Comparator.comparingLong((Score s) -> -s.arrayExact).thenComparingLong(s -> -s.classExact)
                .thenComparingLong(Score::contradicted).thenComparingInt(Score::order)).orElseThrow();
        boolean trusted = best.arrayExact >= MIN_EXACT_FITS && best.arrayExact >= MIN_EXACT_SHARE * samples
                || samples == 0 && best.classExact >= MIN_EXACT_FITS && best.classExact >= MIN_EXACT_SHARE * classGaps.size();
        String given = overrides.isEmpty() ? "" : overrides.describe() + " given; ";
        if (trusted) {
            SizeModel m = best.model;
            if (m.objectHeaderBytes() == 12 && !m.arrayBaseAligned() && !m.subclassFieldsFillGaps()) {
                // With a 12-byte header both array rules put elements at 16; a JDK 14- field layout means JDK 21- arrays.
                m = new SizeModel(12, m.referenceBytes(), m.objectAlignment(), true, false, "");
            }
            return m.withOrigin(given + (given.isEmpty() ? "inferred" : "the rest inferred") + " from object addresses: " + evidence(best));
        }
        SizeModel fallback = fallback(overrides);
        String why = samples == 0 && classGaps.isEmpty() ? "no objects to infer from"
                : "object ids do not look like addresses (" + evidence(best) + ")";
        return fallback.withOrigin(given + "default for " + idSize + "-byte ids: " + why);
    }

    private String evidence(Score s) {
        String arrays = String.format("%,d of %,d array gaps fit exactly", s.arrayExact, samples);
        return classGaps.isEmpty() ? arrays : arrays + String.format(", %,d of %,d classes' smallest instance gaps", s.classExact, classGaps.size());
    }

    private SizeModel fallback(SizeModelOverrides o) {
        SizeModel d = idSize == 4 ? new SizeModel(8, 4, 8, false, false, "") : SizeModel.HOTSPOT_64_COMPRESSED;
        return new SizeModel(o.objectHeaderBytes() != null ? o.objectHeaderBytes() : d.objectHeaderBytes(),
                o.referenceBytes() != null ? o.referenceBytes() : d.referenceBytes(),
                o.objectAlignment() != null ? o.objectAlignment() : d.objectAlignment(), d.arrayBaseAligned(), d.subclassFieldsFillGaps(), "");
    }

    /** Candidates in order of preference (the commonest layouts first), for ties. */
    private List<SizeModel> candidates(SizeModelOverrides o) {
        List<Integer> headers = o.objectHeaderBytes() != null ? List.of(o.objectHeaderBytes()) : idSize == 4 ? List.of(8) : List.of(12, 16, 8);
        List<Integer> refs = o.referenceBytes() != null ? List.of(o.referenceBytes()) : idSize == 4 ? List.of(4) : List.of(4, 8);
        List<Integer> alignments = new ArrayList<>();
        if (o.objectAlignment() != null) {
            alignments.add(o.objectAlignment());
        } else {
            // Every object starts at a multiple of the alignment, so it divides every address.
            int largest = addressBits == 0 ? 8 : (int) Math.min(MAX_ALIGNMENT, Math.max(8, Long.lowestOneBit(addressBits)));
            for (int a = 8; a <= largest; a *= 2) alignments.add(a);
        }
        // 32-bit VMs are mostly JDK 8 and older (JDK 14- field layout); 64-bit dumps are mostly recent.
        boolean[] fieldLayouts = idSize == 4 ? new boolean[] {false, true} : new boolean[] {true, false};
        List<SizeModel> out = new ArrayList<>();
        for (int h : headers) {
            for (int r : refs) {
                for (boolean aligned : new boolean[] {false, true}) {
                    for (boolean packed : fieldLayouts) {
                        for (int a : alignments) out.add(new SizeModel(h, r, a, aligned, packed, ""));
                    }
                }
            }
        }
        return out;
    }

    private Score score(SizeModel m, int order) {
        BasicType[] types = BasicType.values();
        long arrayExact = 0;
        long contradicted = 0;
        for (int i = 0; i < samples; i++) {
            long size = m.arraySize(types[sampleTypes[i]], sampleLengths[i]);
            if (size == sampleGaps[i]) arrayExact++;
            else if (size > sampleGaps[i]) contradicted++;
        }
        long classExact = 0;
        for (ClassGap c : classGaps) {
            long size = FieldLayout.instanceSize(m, c.chain());
            if (size == c.smallestGap()) classExact++;
            else if (size > c.smallestGap()) contradicted++;
        }
        return new Score(m, order, arrayExact, classExact, contradicted);
    }

    private record Score(SizeModel model, int order, long arrayExact, long classExact, long contradicted) {}
}

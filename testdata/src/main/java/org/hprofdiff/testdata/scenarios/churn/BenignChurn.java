package org.hprofdiff.testdata.scenarios.churn;

import java.util.List;

import org.hprofdiff.testdata.scenarios.ExpectedCount;
import org.hprofdiff.testdata.scenarios.Workload;

/**
 * What every scenario does besides its leak, so that a diff has to tell a leak from ordinary change:
 * <ul>
 *   <li>a {@link Ballast} of {@value Ballast#BLOCKS} × {@code long[}{@value Ballast#BLOCK_LONGS}{@code ]}
 *       (4 MiB), allocated in round 1 and constant afterwards;</li>
 *   <li>a {@link BoundedLruCache} of capacity {@value #CACHE_CAPACITY} that gets
 *       {@value #CACHE_PUTS_PER_ROUND} new {@link CachedQuote}s per round (each with a
 *       {@code byte[}{@value CachedQuote#PAGE_BYTES}{@code ]}): 300, 500, 500, ... — it grows, then
 *       stays flat;</li>
 *   <li>a {@link SampleWindow} whose size cycles through {@code SAMPLE_WINDOW_SIZES}:
 *       400, 150, 350, 100, 300, 400, ... {@link Sample}s — up and down.</li>
 * </ul>
 * The objects are held by this instance, which the child's main thread keeps.
 */
public final class BenignChurn implements Workload {

    /** Entries the cache keeps at most. */
    public static final int CACHE_CAPACITY = 500;
    /** New entries per round; the cache is full after round 2 and evicts from then on. */
    public static final int CACHE_PUTS_PER_ROUND = 300;
    /** Sample-window size in round r is {@code SAMPLE_WINDOW_SIZES[(r - 1) % length]}. */
    private static final int[] SAMPLE_WINDOW_SIZES = {400, 150, 350, 100, 300};

    private Ballast ballast;
    private final BoundedLruCache<String, CachedQuote> quotes = new BoundedLruCache<>(CACHE_CAPACITY);
    private final SampleWindow samples = new SampleWindow();

    /** Sample-window size after {@code round}. */
    public static int sampleWindowSize(int round) {
        return SAMPLE_WINDOW_SIZES[(round - 1) % SAMPLE_WINDOW_SIZES.length];
    }

    /** Cache entries after {@code round}. */
    public static int cachedQuotes(int round) {
        return Math.min(CACHE_PUTS_PER_ROUND * round, CACHE_CAPACITY);
    }

    @Override
    public void runRound(int round) {
        if (ballast == null) {
            ballast = new Ballast();
        }
        long firstId = (long) (round - 1) * CACHE_PUTS_PER_ROUND;
        for (long id = firstId; id < firstId + CACHE_PUTS_PER_ROUND; id++) {
            quotes.put("instrument-" + id, new CachedQuote(id));
        }
        samples.replaceWith(sampleWindowSize(round), round);
    }

    @Override
    public List<ExpectedCount> expectedCounts(int rounds) {
        return List.of(
                ExpectedCount.exact(Ballast.class, false, rounds, r -> 1),
                ExpectedCount.added("[J", Ballast.BLOCK_LONGS, false, rounds, r -> Ballast.BLOCKS),
                ExpectedCount.exact(CachedQuote.class, false, rounds, BenignChurn::cachedQuotes),
                ExpectedCount.added("[B", CachedQuote.PAGE_BYTES, false, rounds, BenignChurn::cachedQuotes),
                ExpectedCount.exact(Sample.class, false, rounds, BenignChurn::sampleWindowSize));
    }
}

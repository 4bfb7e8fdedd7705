package org.hprofdiff.testdata.scenarios.threadlocal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.hprofdiff.testdata.scenarios.ExpectedCount;
import org.hprofdiff.testdata.scenarios.Workload;

/**
 * A server whose fixed pool of {@value #WORKER_THREADS} threads serves {@code requestsPerRound}
 * requests per round; each request binds a new {@link RequestScope} and never removes it. Per
 * request the heap keeps, in whichever pool thread served it: 1 {@link RequestScope}, 1
 * {@link RequestContext} with a {@code byte[6144]}, and 1 {@code ThreadLocal$ThreadLocalMap$Entry}
 * (the maps' {@code Entry[]} tables grow by doubling). Path:
 * {@code Thread request-worker-N → threadLocals → table → Entry → value → RequestContext}.
 */
public final class ThreadLocalLeak implements Workload {

    /** Requests served per round unless the run says otherwise. */
    public static final int DEFAULT_REQUESTS_PER_ROUND = 300;
    /** Threads in the pool; they live (and keep their maps) until the JVM exits. */
    public static final int WORKER_THREADS = 4;
    /** Name prefix of the pool's threads: {@code request-worker-1} ... */
    public static final String WORKER_NAME_PREFIX = "request-worker-";

    private final int requestsPerRound;
    private ThreadPoolExecutor workers;

    public ThreadLocalLeak(int requestsPerRound) {
        this.requestsPerRound = requestsPerRound;
    }

    @Override
    public void runRound(int round) throws InterruptedException {
        if (workers == null) {
            workers = new ThreadPoolExecutor(WORKER_THREADS, WORKER_THREADS, 0, TimeUnit.MILLISECONDS,
                    new LinkedBlockingQueue<>(), new WorkerThreads()); // a fixed pool, as Executors makes it
        }
        List<RequestHandler> requests = new ArrayList<>(requestsPerRound);
        for (int i = 0; i < requestsPerRound; i++) {
            requests.add(new RequestHandler((long) (round - 1) * requestsPerRound + i));
        }
        for (Future<Integer> served : workers.invokeAll(requests)) {
            try {
                served.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("request failed", e.getCause());
            }
        }
        awaitIdleWorkers();
    }

    /**
     * Waits until every worker has left the task it ran. A future is done slightly before its worker
     * lets go of the task (FutureTask clears its callable after waking the waiters), so without
     * this a histogram taken right after the round could still see a {@link RequestHandler}.
     */
    private void awaitIdleWorkers() throws InterruptedException {
        while (workers.getCompletedTaskCount() < workers.getTaskCount()) {
            Thread.sleep(1);
        }
    }

    @Override
    public List<ExpectedCount> expectedCounts(int rounds) {
        long n = requestsPerRound;
        return List.of(
                ExpectedCount.exact(RequestScope.class, true, rounds, r -> n * r),
                ExpectedCount.exact(RequestContext.class, true, rounds, r -> n * r),
                ExpectedCount.added("java.lang.ThreadLocal$ThreadLocalMap$Entry", ExpectedCount.ANY_LENGTH, true,
                        rounds, r -> n * r),
                ExpectedCount.added("[B", RequestContext.RESPONSE_BUFFER_BYTES, true, rounds, r -> n * r),
                ExpectedCount.exact(RequestHandler.class, false, rounds, r -> 0));
    }

    /** Daemon threads named {@code request-worker-N}, so the child exits even if it forgets the pool. */
    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger created = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work, WORKER_NAME_PREFIX + created.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}

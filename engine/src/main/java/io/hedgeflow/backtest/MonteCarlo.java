package io.hedgeflow.backtest;

import io.hedgeflow.sim.SimRandom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Runs every policy on the same simulated paths (common random numbers) over worker threads. Path p draws only
 * from its own generator, seeded with the p-th output of SplitMix64 from the run's seed, and its results are
 * stored at index p; statistics are reduced in path order. The result is therefore the same for any thread count.
 */
public final class MonteCarlo
{
    private static final int CHUNK = 64;
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /**
     * What to simulate.
     *
     * @param position      the option position.
     * @param model         the market model.
     * @param policies      policies run on each path.
     * @param stepNs        simulation grid step, logic-time ns.
     * @param costBps       proportional cost, bps of traded notional.
     * @param deltaRounding hedge granularity in shares per option (0 = none).
     * @param paths         number of paths.
     * @param seed          seed of the run.
     * @param threads       worker threads.
     * @param attribute     also split each path's P&amp;L into Greeks.
     */
    public record Setup(
        OptionPosition position, MarketModel model, List<PolicySpec> policies, long stepNs, double costBps,
        double deltaRounding, int paths, long seed, int threads, boolean attribute)
    {
    }

    /** Per-policy statistics and the per-path hedged P&amp;L (index: policy, then path) for charts. */
    public record Result(List<PolicyStats> stats, double[][] pnl, long pathSteps)
    {
    }

    private MonteCarlo()
    {
    }

    /** Seed of path p's generator: the p-th SplitMix64 output of the run's seed. */
    public static long pathSeed(final long seed, final long path)
    {
        long z = seed + (path + 1) * GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Runs the setup; progress receives the number of paths done so far, from the calling thread, about every
     * 100 ms.
     */
    public static Result run(final Setup setup, final LongConsumer progress)
        throws InterruptedException, ExecutionException
    {
        final Store store = new Store(setup);
        final AtomicInteger next = new AtomicInteger();
        final AtomicLong done = new AtomicLong();
        final ExecutorService pool = Executors.newFixedThreadPool(setup.threads(), r ->
        {
            final Thread t = new Thread(r, "backtest-worker");
            t.setDaemon(true);
            return t;
        });
        try
        {
            final List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < setup.threads(); t++)
            {
                futures.add(pool.submit(() -> work(setup, store, next, done)));
            }
            for (final Future<?> f : futures)
            {
                while (true)
                {
                    try
                    {
                        f.get(100, TimeUnit.MILLISECONDS);
                        break;
                    }
                    catch (final TimeoutException ex)
                    {
                        progress.accept(done.get());
                    }
                }
            }
            progress.accept(done.get());
        }
        finally
        {
            pool.shutdownNow();
        }
        return store.reduce(setup);
    }

    private static void work(final Setup setup, final Store store, final AtomicInteger next, final AtomicLong done)
    {
        final long endNs = Durations.ns(setup.position().maturity());
        final MarketPath path = new MarketPath(MarketPath.pointsFor(setup.stepNs(), endNs));
        final List<PolicySpec> policies = setup.policies();
        final BacktestHost[] hosts = new BacktestHost[policies.size()];
        for (int i = 0; i < hosts.length; i++)
        {
            hosts[i] = new BacktestHost(setup.position(), policies.get(i), setup.costBps(), setup.deltaRounding());
        }
        final PathResult result = new PathResult();
        for (int start = next.getAndAdd(CHUNK); start < setup.paths(); start = next.getAndAdd(CHUNK))
        {
            for (int p = start, end = Math.min(start + CHUNK, setup.paths()); p < end; p++)
            {
                path.grid(setup.stepNs(), endNs);
                setup.model().fill(path, setup.position().spot(), new SimRandom(pathSeed(setup.seed(), p)));
                for (int i = 0; i < hosts.length; i++)
                {
                    hosts[i].run(path, result, null, setup.attribute());
                    store.put(i, p, result);
                }
                done.incrementAndGet();
            }
        }
    }

    /** Per-path results; each slot is written by one worker and read after all have finished. */
    private static final class Store
    {
        final double[][] cost;
        final double[][] fees;
        final int[][] trades;
        final double[][] pnl;
        final double[][] unhedged;
        final double[][][] attribution;
        final long[][] decisions;
        final long[][] bound;

        Store(final Setup setup)
        {
            final int k = setup.policies().size();
            final int n = setup.paths();
            cost = new double[k][n];
            fees = new double[k][n];
            trades = new int[k][n];
            pnl = new double[k][n];
            unhedged = new double[k][n];
            attribution = setup.attribute() ? new double[k][n][] : null;
            decisions = new long[k][n];
            bound = new long[k][n];
        }

        void put(final int policy, final int path, final PathResult r)
        {
            cost[policy][path] = r.cost;
            fees[policy][path] = r.fees;
            trades[policy][path] = r.trades;
            pnl[policy][path] = r.pnl;
            unhedged[policy][path] = r.unhedgedPnl;
            decisions[policy][path] = r.decisions;
            bound[policy][path] = r.marginBound;
            if (attribution != null)
            {
                attribution[policy][path] = r.attribution.clone();
            }
        }

        Result reduce(final Setup setup)
        {
            final List<PolicyStats> stats = new ArrayList<>();
            final double bsm = setup.position().bsmValue();
            for (int i = 0; i < cost.length; i++)
            {
                stats.add(PolicyStats.of(setup.policies().get(i).label(), bsm, cost[i], fees[i], trades[i], pnl[i],
                    unhedged[i], attribution == null ? null : attribution[i], Arrays.stream(decisions[i]).sum(),
                    Arrays.stream(bound[i]).sum()));
            }
            final long steps = (long)setup.paths() * setup.policies().size() *
                (MarketPath.pointsFor(setup.stepNs(), Durations.ns(setup.position().maturity())) - 1);
            return new Result(PolicyStats.paired(setup.policies(), stats), pnl, steps);
        }
    }
}

package io.hedgeflow.cluster;

import io.aeron.cluster.service.Cluster;
import io.hedgeflow.config.Defaults;
import io.hedgeflow.pipeline.EngineContext;
import org.agrona.CloseHelper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Members of one cluster in this JVM, each with its own directories, media driver and ports. */
final class TestCluster implements AutoCloseable
{
    static final long TIMEOUT_NS = TimeUnit.SECONDS.toNanos(60);

    private final ClusterContext ctx;
    private final EngineContext engine = new EngineContext().logicContext(Defaults.logicContext());
    private final ClusterNode[] nodes;
    private final List<Throwable> errors = new ArrayList<>();
    private static Runnable whileWaiting = () -> { };

    TestCluster(final Path dir, final int memberCount)
    {
        final int basePort = 30_000 + 100 * ThreadLocalRandom.current().nextInt(300);
        final List<ClusterMember> members = new ArrayList<>();
        for (int id = 0; id < memberCount; id++)
        {
            members.add(new ClusterMember(id, "localhost", basePort));
        }
        ctx = new ClusterContext().directory(dir).basePort(basePort).members(members)
            .heartbeatTimeoutNs(TimeUnit.SECONDS.toNanos(1)).conclude();
        nodes = new ClusterNode[memberCount];
    }

    ClusterContext context()
    {
        return ctx;
    }

    EngineContext engine()
    {
        return engine;
    }

    void start(final int memberId)
    {
        nodes[memberId] = ClusterNode.launch(ctx, memberId, engine, this::onError, () -> { });
    }

    void startAll()
    {
        for (int id = 0; id < nodes.length; id++)
        {
            start(id);
        }
    }

    void stop(final int memberId)
    {
        CloseHelper.close(nodes[memberId]);
        nodes[memberId] = null;
    }

    ClusterNode node(final int memberId)
    {
        return nodes[memberId];
    }

    /** Waits for a leader among the running members. */
    ClusterNode awaitLeader()
    {
        final ClusterNode[] leader = new ClusterNode[1];
        await("a leader", () ->
        {
            for (final ClusterNode node : nodes)
            {
                if (node != null && node.role() == Cluster.Role.LEADER)
                {
                    leader[0] = node;
                    return true;
                }
            }
            return false;
        });
        return leader[0];
    }

    /** Waits until every running member applied this many inputs. */
    void awaitApplied(final long inputs)
    {
        await(() -> "every member to apply " + inputs + " inputs (" + this + ")", () ->
        {
            for (final ClusterNode node : nodes)
            {
                if (node != null && node.service().appliedInputs() < inputs)
                {
                    return false;
                }
            }
            return true;
        });
    }

    public String toString()
    {
        final StringBuilder state = new StringBuilder();
        for (final ClusterNode node : nodes)
        {
            state.append(node == null ? "down" : node.role() + " applied " + node.service().appliedInputs())
                .append("; ");
        }
        return state.append("errors ").append(errors()).toString();
    }

    static void await(final String what, final BooleanSupplier condition)
    {
        await(() -> what, condition);
    }

    static void await(final Supplier<String> what, final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + TIMEOUT_NS;
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting for " + what.get());
            }
            whileWaiting.run();
            Thread.yield();
        }
    }

    /** What the test thread does while it waits, for example keep a client's session alive. */
    static void whileWaiting(final Runnable action)
    {
        whileWaiting = action;
    }

    synchronized List<Throwable> errors()
    {
        return List.copyOf(errors);
    }

    private synchronized void onError(final Throwable ex)
    {
        errors.add(ex);
    }

    public void close()
    {
        CloseHelper.closeAll(nodes);
    }
}

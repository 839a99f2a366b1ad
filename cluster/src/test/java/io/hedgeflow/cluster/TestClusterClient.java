package io.hedgeflow.cluster;

import io.aeron.Publication;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.client.EgressListener;
import io.aeron.cluster.codecs.EventCode;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.logbuffer.Header;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.SimFeedSource;
import io.hedgeflow.sim.MarketSimulator;
import io.hedgeflow.sim.SimContext;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A cluster client for tests: its own media driver, simulated market frames as ingress, and counts of the egress;
 * it keeps every output message (output sequence and frame, in arrival order) and every resend end.
 */
final class TestClusterClient implements AutoCloseable, EgressListener
{
    private final MediaDriver driver;
    private final AeronCluster client;
    private final MarketSimulator market = new MarketSimulator(new SimContext().seed(7));
    private final SimFeedSource feed = new SimFeedSource(market);
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
    private volatile long outputFrames;
    private volatile long acks;
    private final StringBuilder events = new StringBuilder();
    private final UnsafeBuffer request = new UnsafeBuffer(new byte[ClusterProtocol.RESEND_REQUEST_LENGTH]);
    private final List<Long> outputSequences = new ArrayList<>();
    private final List<byte[]> outputs = new ArrayList<>();
    private final List<long[]> resendEnds = new ArrayList<>();
    private long ackOutputs;

    TestClusterClient(final Path dir, final ClusterContext cluster)
    {
        driver = MediaDriver.launch(new MediaDriver.Context()
            .aeronDirectoryName(dir.resolve("aeron").toString())
            .threadingMode(ThreadingMode.SHARED)
            .termBufferSparseFile(true)
            .publicationTermBufferLength(cluster.termLength())
            .ipcTermBufferLength(cluster.termLength())
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
        client = AeronCluster.connect(new AeronCluster.Context()
            .aeronDirectoryName(driver.aeronDirectoryName())
            .ingressChannel("aeron:udp?term-length=" + cluster.termLength())
            .ingressEndpoints(cluster.ingressEndpoints())
            .egressChannel("aeron:udp?endpoint=localhost:0|term-length=" + cluster.termLength())
            .errorHandler(this::onError)
            .egressListener(this));
        TestCluster.whileWaiting(this::pollEgress);
    }

    /** Sends the next frames of the simulated market, retrying each until the cluster takes it. */
    void send(final int frames)
    {
        for (int i = 0; i < frames; i++)
        {
            send(frame, feed.poll(frame, 0, frame.capacity()), "frame " + i);
        }
    }

    /** Sends one frame, retrying until the cluster takes it. */
    void send(final DirectBuffer buffer, final int length, final String what)
    {
        final long deadline = System.nanoTime() + TestCluster.TIMEOUT_NS;
        long result;
        while ((result = client.offer(buffer, 0, length)) < 0)
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("the cluster took no frame for " + TestCluster.TIMEOUT_NS + " ns: " +
                    Publication.errorString(result) + ", client closed " + client.isClosed() + ", " + what +
                    ", events: " + events);
            }
            client.pollEgress();
        }
        client.pollEgress();
    }

    /** The simulated market the frames come from. */
    MarketSimulator market()
    {
        return market;
    }

    /** Offers frames once each for the given time, whatever the cluster answers; returns how many it took. */
    long offerFor(final long durationNs)
    {
        long taken = 0;
        final long end = System.nanoTime() + durationNs;
        while (System.nanoTime() < end)
        {
            final int length = feed.poll(frame, 0, frame.capacity());
            taken += client.offer(frame, 0, length) > 0 ? 1 : 0;
            pollEgress();
        }
        return taken;
    }

    /** Polls the egress and keeps the session alive. */
    void pollEgress()
    {
        if (!client.isClosed())
        {
            client.pollEgress();
            client.sendKeepAlive();
        }
    }

    /** Sends a resend request for the outputs after afterOutput, retrying until the cluster takes it. */
    void requestOutputsAfter(final long afterOutput)
    {
        final int length = ClusterProtocol.writeResendRequest(request, 0, afterOutput);
        TestCluster.await("the cluster to take the resend request", () -> client.offer(request, 0, length) > 0);
    }

    long outputFrames()
    {
        return outputFrames;
    }

    /** Output sequences of the output messages received, in arrival order. */
    List<Long> outputSequences()
    {
        return outputSequences;
    }

    /** Frames of the output messages received, in arrival order. */
    List<byte[]> outputs()
    {
        return outputs;
    }

    /** Resend ends received: afterOutput, firstOutput, lastOutput. */
    List<long[]> resendEnds()
    {
        return resendEnds;
    }

    /** Outputs counted by the last acknowledgement. */
    long ackOutputs()
    {
        return ackOutputs;
    }

    long acks()
    {
        return acks;
    }

    public void onMessage(final long clusterSessionId, final long timestamp, final DirectBuffer buffer,
        final int offset, final int length, final Header header)
    {
        if (ClusterProtocol.isAck(buffer, offset, length))
        {
            acks++;
            ackOutputs = ClusterProtocol.ackOutputs(buffer, offset);
        }
        else if (ClusterProtocol.isOutput(buffer, offset, length))
        {
            outputFrames++;
            outputSequences.add(ClusterProtocol.outputSequence(buffer, offset));
            final byte[] frame = new byte[length - ClusterProtocol.OUTPUT_HEADER_LENGTH];
            buffer.getBytes(offset + ClusterProtocol.OUTPUT_HEADER_LENGTH, frame);
            outputs.add(frame);
        }
        else if (ClusterProtocol.isResendEnd(buffer, offset, length))
        {
            resendEnds.add(new long[]{ClusterProtocol.afterOutput(buffer, offset),
                ClusterProtocol.resendFirstOutput(buffer, offset), ClusterProtocol.resendLastOutput(buffer, offset)});
        }
    }

    public void onSessionEvent(final long correlationId, final long clusterSessionId, final long leadershipTermId,
        final int leaderMemberId, final EventCode code, final String detail)
    {
        events.append(code).append(' ').append(detail).append("; ");
    }

    public void onNewLeader(final long clusterSessionId, final long leadershipTermId, final int leaderMemberId,
        final String ingressEndpoints)
    {
        events.append("new leader ").append(leaderMemberId).append("; ");
    }

    private synchronized void onError(final Throwable ex)
    {
        events.append(ex).append("; ");
    }

    public void close()
    {
        TestCluster.whileWaiting(() -> { });
        CloseHelper.closeAll(client, driver);
    }
}

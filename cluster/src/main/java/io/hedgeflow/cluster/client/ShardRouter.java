package io.hedgeflow.cluster.client;

import io.hedgeflow.cluster.ClusterContext;
import io.hedgeflow.cluster.ClusterTopology;
import io.hedgeflow.codecs.ChannelResetDecoder;
import io.hedgeflow.codecs.ExecutionReportDecoder;
import io.hedgeflow.codecs.HeartbeatDecoder;
import io.hedgeflow.codecs.IndexPriceDecoder;
import io.hedgeflow.codecs.InstrumentDefinitionDecoder;
import io.hedgeflow.codecs.KillSwitchDecoder;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.framing.FrameChecksum;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.logic.HedgeLogic;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.Int2IntHashMap;

import java.nio.ByteOrder;

/**
 * Routes input frames to the cluster that hedges their underlying ({@link ClusterTopology#clusterOf}): the
 * instrument definitions tell which underlying an instrument belongs to (an ExecutionReport goes with its
 * instrument); an IndexPrice names its underlying; frames
 * of the channel itself (Heartbeat, ChannelReset) and KillSwitch go to every cluster; a frame of an instrument not
 * defined yet goes to the first cluster (whose logic rejects it, as one engine would).
 * <p>
 * With several clusters each sees only part of a channel, so the router numbers each cluster's share of a channel
 * 1, 2, 3, ... itself (and reseals the checksum): a cluster must not see the other clusters' frames as a gap. A gap
 * in the source's own sequence is passed on as a gap of one to every cluster's next frame on the channel; a frame
 * at or below the source's last sequence (a duplicate) is dropped here ({@link #DROP}), as the logic would drop it;
 * a ChannelReset restarts the channel everywhere. With one cluster frames pass unchanged. Garbage-free after the
 * instrument map has grown; single-threaded.
 */
public final class ShardRouter
{
    /** Returned by {@link #route}: send the frame to every cluster. */
    public static final int EVERY = -1;
    /** Returned by {@link #route}: the source repeated the frame's sequence; drop it. */
    public static final int DROP = -2;

    private final ClusterTopology topology;
    private final int[] clusterIds;
    private final Int2IntHashMap underlyingOfInstrument = new Int2IntHashMap(-1);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder();
    private final ExecutionReportDecoder execution = new ExecutionReportDecoder();
    private final FrameChecksum checksum = new FrameChecksum();
    private final long[] sourceSequence = new long[HedgeLogic.CHANNELS];
    private final long[][] clusterSequence;
    private final boolean[][] pendingGap;

    public ShardRouter(final ClusterTopology topology)
    {
        this.topology = topology;
        clusterIds = new int[topology.clusters().size()];
        for (int k = 0; k < clusterIds.length; k++)
        {
            clusterIds[k] = topology.clusters().get(k).clusterId();
        }
        clusterSequence = new long[clusterIds.length][HedgeLogic.CHANNELS];
        pendingGap = new boolean[clusterIds.length][HedgeLogic.CHANNELS];
    }

    /** Number of clusters; their indexes follow the configuration file's order. */
    public int clusterCount()
    {
        return clusterIds.length;
    }

    /** The cluster of an index. */
    public ClusterContext cluster(final int index)
    {
        return topology.clusters().get(index);
    }

    /**
     * Where a frame goes: a cluster index, {@link #EVERY} or {@link #DROP}. Then call {@link #sequence} once for
     * each cluster it is sent to, before sending.
     */
    public int route(final DirectBuffer buffer, final int offset, final int length)
    {
        if (clusterIds.length == 1 || length < FrameHeader.MIN_FRAME_LENGTH)
        {
            return 0;
        }
        final int channel = FrameHeader.channelId(buffer, offset);
        if (channel < 0 || channel >= HedgeLogic.CHANNELS)
        {
            return 0;
        }
        final long sequence = FrameHeader.sequence(buffer, offset);
        if (sequence <= sourceSequence[channel])
        {
            return DROP;
        }
        if (sequence > sourceSequence[channel] + 1)
        {
            for (final boolean[] gaps : pendingGap)
            {
                gaps[channel] = true;
            }
        }
        sourceSequence[channel] = sequence;
        header.wrap(buffer, offset + FrameHeader.MESSAGE_OFFSET);
        final int body = offset + FrameHeader.MIN_FRAME_LENGTH;
        return switch (header.templateId())
        {
            case HeartbeatDecoder.TEMPLATE_ID, KillSwitchDecoder.TEMPLATE_ID -> EVERY;
            case ChannelResetDecoder.TEMPLATE_ID ->
            {
                sourceSequence[channel] = 0;
                yield EVERY;
            }
            case InstrumentDefinitionDecoder.TEMPLATE_ID ->
            {
                definition.wrap(buffer, body, header.blockLength(), header.version());
                underlyingOfInstrument.put(definition.instrumentId(), definition.underlyingId());
                yield indexOf(definition.underlyingId());
            }
            case ExecutionReportDecoder.TEMPLATE_ID ->
                indexOfInstrument(execution.wrap(buffer, body, header.blockLength(), header.version()).instrumentId());
            case IndexPriceDecoder.TEMPLATE_ID -> indexOf(buffer.getInt(body, ByteOrder.LITTLE_ENDIAN));
            default -> indexOfInstrument(buffer.getInt(body, ByteOrder.LITTLE_ENDIAN));
        };
    }

    /** Numbers the frame (just routed) in cluster k's share of its channel and reseals it; one cluster: unchanged. */
    public void sequence(final MutableDirectBuffer buffer, final int offset, final int length, final int k)
    {
        if (clusterIds.length == 1 || length < FrameHeader.MIN_FRAME_LENGTH)
        {
            return;
        }
        final int channel = FrameHeader.channelId(buffer, offset);
        if (channel < 0 || channel >= HedgeLogic.CHANNELS)
        {
            return;
        }
        final long next = clusterSequence[k][channel] + (pendingGap[k][channel] ? 2 : 1);
        pendingGap[k][channel] = false;
        buffer.putLong(offset + FrameHeader.SEQUENCE_OFFSET, next, ByteOrder.LITTLE_ENDIAN);
        checksum.seal(buffer, offset, length);
        header.wrap(buffer, offset + FrameHeader.MESSAGE_OFFSET);
        clusterSequence[k][channel] = header.templateId() == ChannelResetDecoder.TEMPLATE_ID ? 0 : next;
    }

    private int indexOfInstrument(final int instrumentId)
    {
        final int underlying = underlyingOfInstrument.get(instrumentId);
        return underlying == underlyingOfInstrument.missingValue() ? 0 : indexOf(underlying);
    }

    private int indexOf(final int underlyingId)
    {
        final int clusterId = topology.clusterOf(underlyingId);
        for (int k = 0; k < clusterIds.length; k++)
        {
            if (clusterIds[k] == clusterId)
            {
                return k;
            }
        }
        return 0;
    }
}

package io.hedgeflow.cluster;

import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.logic.HedgeLogic;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The messages between cluster clients and the cluster, little-endian.
 * <p>
 * Ingress: one engine input frame per message, exactly as the engine journals it ({@link FrameHeader} + SBE
 * message, at most {@link FrameHeader#MAX_FRAME_LENGTH} bytes). The logic drops a frame whose (channel, sequence)
 * it has already applied, so a client may resend after a failover.
 * <p>
 * Egress, broadcast to every client session by the leader: each output frame of the logic (HedgeDecision,
 * NewOrder, CancelOrder, ...) as one message, exactly as the logic writes it and every member journals it; and
 * acknowledgements. A frame's first field is its length (at least {@link FrameHeader#MIN_FRAME_LENGTH}), an
 * acknowledgement's is {@link #ACK_MARKER}:
 * <pre>
 *  0               4               8                               16
 *  +---------------+---------------+-------------------------------+
 *  | marker (-1)   | entryCount    | appliedInputs (int64)         |   acknowledgement header
 *  +---------------+---------------+-------------------------------+
 *  | channelId     | reserved (0)  | lastSequence (int64)          |   entryCount entries, 16 bytes each
 *  +---------------+---------------+-------------------------------+
 * </pre>
 * lastSequence is the highest sequence of the channel the logic has applied (its duplicate filter's position);
 * appliedInputs counts the ingress messages applied since the cluster began (the journal's next ring sequence).
 * The leader sends one to a session when it opens (every channel seen so far) and one after each input the session
 * sent is applied (that input's channel). A client resends what it sent after lastSequence; what the cluster
 * applied twice is dropped as a duplicate.
 */
public final class ClusterProtocol
{
    /** First int32 of an acknowledgement. */
    public static final int ACK_MARKER = -1;
    /** Length of the acknowledgement header. */
    public static final int ACK_HEADER_LENGTH = 16;
    /** Length of one acknowledgement entry. */
    public static final int ACK_ENTRY_LENGTH = 16;
    /** Longest acknowledgement: every channel. */
    public static final int MAX_ACK_LENGTH = ACK_HEADER_LENGTH + HedgeLogic.CHANNELS * ACK_ENTRY_LENGTH;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int ENTRY_COUNT_OFFSET = 4;
    private static final int APPLIED_INPUTS_OFFSET = 8;
    private static final int ENTRY_SEQUENCE_OFFSET = 8;

    private ClusterProtocol()
    {
    }

    /** True if the egress message is an acknowledgement, false if it is an output frame. */
    public static boolean isAck(final DirectBuffer buffer, final int offset, final int length)
    {
        return length >= ACK_HEADER_LENGTH && buffer.getInt(offset, ORDER) == ACK_MARKER;
    }

    public static int ackEntryCount(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + ENTRY_COUNT_OFFSET, ORDER);
    }

    public static long ackAppliedInputs(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + APPLIED_INPUTS_OFFSET, ORDER);
    }

    public static int ackChannel(final DirectBuffer buffer, final int offset, final int entry)
    {
        return buffer.getInt(entryOffset(offset, entry), ORDER);
    }

    public static long ackSequence(final DirectBuffer buffer, final int offset, final int entry)
    {
        return buffer.getLong(entryOffset(offset, entry) + ENTRY_SEQUENCE_OFFSET, ORDER);
    }

    /** Writes the acknowledgement header. */
    public static void writeAckHeader(
        final MutableDirectBuffer buffer, final int offset, final int entryCount, final long appliedInputs)
    {
        buffer.putInt(offset, ACK_MARKER, ORDER);
        buffer.putInt(offset + ENTRY_COUNT_OFFSET, entryCount, ORDER);
        buffer.putLong(offset + APPLIED_INPUTS_OFFSET, appliedInputs, ORDER);
    }

    /** Writes one acknowledgement entry. */
    public static void writeAckEntry(
        final MutableDirectBuffer buffer, final int offset, final int entry, final int channel, final long sequence)
    {
        final int at = entryOffset(offset, entry);
        buffer.putInt(at, channel, ORDER);
        buffer.putInt(at + 4, 0, ORDER);
        buffer.putLong(at + ENTRY_SEQUENCE_OFFSET, sequence, ORDER);
    }

    /** Length of an acknowledgement with this many entries. */
    public static int ackLength(final int entryCount)
    {
        return ACK_HEADER_LENGTH + entryCount * ACK_ENTRY_LENGTH;
    }

    private static int entryOffset(final int offset, final int entry)
    {
        return offset + ACK_HEADER_LENGTH + entry * ACK_ENTRY_LENGTH;
    }
}

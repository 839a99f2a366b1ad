package io.hedgeflow.cluster;

import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.logic.HedgeLogic;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The messages between cluster clients and the cluster, little-endian. An engine frame's first field is its length
 * (at least {@link FrameHeader#MIN_FRAME_LENGTH}); every other message starts with a negative marker.
 * <p>
 * Ingress: one engine input frame per message, exactly as the engine journals it ({@link FrameHeader} + SBE
 * message, at most {@link FrameHeader#MAX_FRAME_LENGTH} bytes). The logic drops a frame whose (channel, sequence)
 * it has already applied, so a client may resend after a failover. And the resend request, not an input (the logic
 * never sees it): send again every output after afterOutput.
 * <pre>
 *  0               4               8                               16
 *  | marker (-3)   | reserved (0)  | afterOutput (int64)           |   resend request (ingress)
 * </pre>
 * Egress, broadcast to every client session by the leader: each output frame of the logic (HedgeDecision,
 * NewOrder, ...) behind its output sequence, the 1-based position of the frame in the member's decisions journal
 * (the same on every member: their decisions queues are byte-identical):
 * <pre>
 *  0               4               8                               16
 *  | marker (-2)   | flags         | outputSequence (int64)        |   output header, then the frame as journaled
 * </pre>
 * flags: 1 when the output is resent in answer to a resend request, 0 when it goes out as the logic makes it.
 * Acknowledgements, to the session whose input was applied (and to a session when it opens, every channel):
 * <pre>
 *  0               4               8                               16                              24
 *  | marker (-1)   | entryCount    | appliedInputs (int64)         | outputs (int64)               |
 *  | killSwitch    | everyChannel  |                                                                   32
 *  | channelId     | reserved (0)  | lastSequence (int64)          |   entryCount entries, 16 bytes each
 * </pre>
 * lastSequence is the highest sequence of the channel the logic has applied (its duplicate filter's position);
 * appliedInputs counts the ingress frames applied since the cluster began (the journal's next ring sequence);
 * outputs is the output sequence of the last output so far, each offered to the session before the acknowledgement;
 * killSwitch is 1 while the logic's kill switch is engaged after the input, 0 while released (the order client
 * relays a change to its order gateway: a FIX mass cancel on engage); everyChannel is 1 in the acknowledgement a
 * session gets when it opens (an entry for every channel the logic has seen) and 0 in the acknowledgement of one input
 * (one entry, that input's own channel and sequence).
 * A client resends what it sent after lastSequence; what the cluster applied twice is dropped as a duplicate.
 * <p>
 * The answer to a resend request, to the requesting session only: the outputs after afterOutput, in order (at most
 * {@code HedgeClusteredService.MAX_RESEND_OUTPUTS}), then the resend end:
 * <pre>
 *  0               4               8                               16                              24
 *  | marker (-4)   | reserved (0)  | afterOutput (int64)           | firstOutput (int64)           |
 *  | lastOutput (int64)            |                                                                   32 bytes
 * </pre>
 * firstOutput is the first output sent (afterOutput + 1 unless the member no longer holds it), lastOutput the last
 * (afterOutput when none was).
 */
public final class ClusterProtocol
{
    /** First int32 of an acknowledgement. */
    public static final int ACK_MARKER = -1;
    /** First int32 of an output header. */
    public static final int OUTPUT_MARKER = -2;
    /** First int32 of a resend request. */
    public static final int RESEND_REQUEST_MARKER = -3;
    /** First int32 of a resend end. */
    public static final int RESEND_END_MARKER = -4;
    /** Length of the acknowledgement header. */
    public static final int ACK_HEADER_LENGTH = 32;
    /** Length of one acknowledgement entry. */
    public static final int ACK_ENTRY_LENGTH = 16;
    /** Longest acknowledgement: every channel. */
    public static final int MAX_ACK_LENGTH = ACK_HEADER_LENGTH + HedgeLogic.CHANNELS * ACK_ENTRY_LENGTH;
    /** Length of the output header before the frame. */
    public static final int OUTPUT_HEADER_LENGTH = 16;
    /** Longest output message. */
    public static final int MAX_OUTPUT_LENGTH = OUTPUT_HEADER_LENGTH + FrameHeader.MAX_FRAME_LENGTH;
    /** Length of a resend request. */
    public static final int RESEND_REQUEST_LENGTH = 16;
    /** Length of a resend end. */
    public static final int RESEND_END_LENGTH = 32;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int ENTRY_COUNT_OFFSET = 4;
    private static final int FLAGS_OFFSET = 4;
    private static final int RESENT_FLAG = 1;
    private static final int APPLIED_INPUTS_OFFSET = 8;
    private static final int OUTPUTS_OFFSET = 16;
    private static final int KILL_SWITCH_OFFSET = 24;
    private static final int EVERY_CHANNEL_OFFSET = 28;
    private static final int ENTRY_SEQUENCE_OFFSET = 8;
    private static final int VALUE_OFFSET = 8;
    private static final int FIRST_OUTPUT_OFFSET = 16;
    private static final int LAST_OUTPUT_OFFSET = 24;

    private ClusterProtocol()
    {
    }

    /** True if the egress message is an acknowledgement. */
    public static boolean isAck(final DirectBuffer buffer, final int offset, final int length)
    {
        return length >= ACK_HEADER_LENGTH && buffer.getInt(offset, ORDER) == ACK_MARKER;
    }

    /** True if the egress message is an output: its header and a frame of at least the smallest frame length. */
    public static boolean isOutput(final DirectBuffer buffer, final int offset, final int length)
    {
        return length >= OUTPUT_HEADER_LENGTH + FrameHeader.MIN_FRAME_LENGTH &&
            buffer.getInt(offset, ORDER) == OUTPUT_MARKER;
    }

    /** True if the ingress message is a resend request (not an input frame). */
    public static boolean isResendRequest(final DirectBuffer buffer, final int offset, final int length)
    {
        return length == RESEND_REQUEST_LENGTH && buffer.getInt(offset, ORDER) == RESEND_REQUEST_MARKER;
    }

    /** True if the egress message is a resend end. */
    public static boolean isResendEnd(final DirectBuffer buffer, final int offset, final int length)
    {
        return length == RESEND_END_LENGTH && buffer.getInt(offset, ORDER) == RESEND_END_MARKER;
    }

    /** Output sequence of an output message; its frame follows at offset + {@link #OUTPUT_HEADER_LENGTH}. */
    public static long outputSequence(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + VALUE_OFFSET, ORDER);
    }

    /** True if the output is resent in answer to a resend request. */
    public static boolean isResent(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + FLAGS_OFFSET, ORDER) == RESENT_FLAG;
    }

    /** Writes an output header. */
    public static void writeOutputHeader(
        final MutableDirectBuffer buffer, final int offset, final long sequence, final boolean resent)
    {
        writeMarked(buffer, offset, OUTPUT_MARKER, sequence);
        buffer.putInt(offset + FLAGS_OFFSET, resent ? RESENT_FLAG : 0, ORDER);
    }

    /** afterOutput of a resend request or a resend end. */
    public static long afterOutput(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + VALUE_OFFSET, ORDER);
    }

    /** Writes a resend request; returns its length. */
    public static int writeResendRequest(final MutableDirectBuffer buffer, final int offset, final long afterOutput)
    {
        writeMarked(buffer, offset, RESEND_REQUEST_MARKER, afterOutput);
        return RESEND_REQUEST_LENGTH;
    }

    /** Writes a resend end; returns its length. */
    public static int writeResendEnd(final MutableDirectBuffer buffer, final int offset, final long afterOutput,
        final long firstOutput, final long lastOutput)
    {
        writeMarked(buffer, offset, RESEND_END_MARKER, afterOutput);
        buffer.putLong(offset + FIRST_OUTPUT_OFFSET, firstOutput, ORDER);
        buffer.putLong(offset + LAST_OUTPUT_OFFSET, lastOutput, ORDER);
        return RESEND_END_LENGTH;
    }

    /** firstOutput of a resend end. */
    public static long resendFirstOutput(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + FIRST_OUTPUT_OFFSET, ORDER);
    }

    /** lastOutput of a resend end. */
    public static long resendLastOutput(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + LAST_OUTPUT_OFFSET, ORDER);
    }

    /** outputs of an acknowledgement: the output sequence of the cluster's last output when it was sent. */
    public static long ackOutputs(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + OUTPUTS_OFFSET, ORDER);
    }

    /** killSwitch of an acknowledgement: whether the logic's kill switch was engaged when it was sent. */
    public static boolean ackKillSwitchEngaged(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + KILL_SWITCH_OFFSET, ORDER) == 1;
    }

    /** True for the acknowledgement of every channel a session gets when it opens, false for that of one input. */
    public static boolean ackEveryChannel(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + EVERY_CHANNEL_OFFSET, ORDER) == 1;
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
    public static void writeAckHeader(final MutableDirectBuffer buffer, final int offset, final int entryCount,
        final long appliedInputs, final long outputs, final boolean killSwitchEngaged, final boolean everyChannel)
    {
        buffer.putInt(offset, ACK_MARKER, ORDER);
        buffer.putInt(offset + ENTRY_COUNT_OFFSET, entryCount, ORDER);
        buffer.putLong(offset + APPLIED_INPUTS_OFFSET, appliedInputs, ORDER);
        buffer.putLong(offset + OUTPUTS_OFFSET, outputs, ORDER);
        buffer.putInt(offset + KILL_SWITCH_OFFSET, killSwitchEngaged ? 1 : 0, ORDER);
        buffer.putInt(offset + EVERY_CHANNEL_OFFSET, everyChannel ? 1 : 0, ORDER);
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

    private static void writeMarked(
        final MutableDirectBuffer buffer, final int offset, final int marker, final long value)
    {
        buffer.putInt(offset, marker, ORDER);
        buffer.putInt(offset + 4, 0, ORDER);
        buffer.putLong(offset + VALUE_OFFSET, value, ORDER);
    }

    private static int entryOffset(final int offset, final int entry)
    {
        return offset + ACK_HEADER_LENGTH + entry * ACK_ENTRY_LENGTH;
    }
}

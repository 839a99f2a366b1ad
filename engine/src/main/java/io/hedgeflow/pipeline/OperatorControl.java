package io.hedgeflow.pipeline;

import io.hedgeflow.codecs.KillSwitchDecoder;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.framing.FrameChecksum;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.framing.MessageVersions;
import io.hedgeflow.gateway.FrameSource;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The operator's control endpoint (run --control udp://HOST:PORT): accepts only intact KillSwitch frames, of any
 * schema version, and hands over the command; the frame handler then runs it as a KillSwitch input of origin
 * OPERATOR on the control channel with its own sequence and logic time, so it is journaled and replays like any
 * input. The sender's header fields (channel, sequence, time) are not used. Anything else received there is
 * dropped and counted in {@link #rejected()}. Polled by the processing thread; garbage-free.
 */
final class OperatorControl implements AutoCloseable
{
    /** {@link #poll} result when nothing (valid) was received. */
    static final int NONE = -1;
    /** While busy, the endpoint is polled once every this many duty cycles (a system call each time). */
    private static final int BUSY_POLL_MASK = 255;

    private final FrameSource source;
    private final UnsafeBuffer frame =
        new UnsafeBuffer(BufferUtil.allocateDirectAligned(FrameHeader.MAX_FRAME_LENGTH, 64));
    private final FrameChecksum checksum = new FrameChecksum();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final KillSwitchDecoder killSwitch = new KillSwitchDecoder();
    private final int minBlockLength =
        MessageVersions.blockLength(KillSwitchDecoder.class, MessageVersions.FIRST_VERSION);
    private long rejected;
    private long cycles;

    OperatorControl(final FrameSource source)
    {
        this.source = source;
    }

    /**
     * The control part of a duty cycle that did work units of other work: polls the endpoint when the cycle was
     * idle, else once every {@link #BUSY_POLL_MASK} + 1 cycles, and hands a command to the handler.
     *
     * @return 1 when a command was handled, else 0.
     */
    int doWork(final FrameHandler handler, final int work)
    {
        if (work > 0 && (++cycles & BUSY_POLL_MASK) != 0)
        {
            return 0;
        }
        final int command = poll();
        if (command == NONE)
        {
            return 0;
        }
        handler.onOperatorCommand(command == 1);
        return 1;
    }

    /**
     * @return 1 for an engage command, 0 for a release, {@link #NONE} when nothing valid arrived.
     */
    int poll()
    {
        final int length = source.poll(frame, 0, FrameHeader.MAX_FRAME_LENGTH);
        if (length <= 0)
        {
            return NONE;
        }
        final int engaged = engaged(length);
        if (engaged == NONE)
        {
            rejected++;
        }
        return engaged;
    }

    private int engaged(final int length)
    {
        if (length < FrameHeader.MIN_FRAME_LENGTH || FrameHeader.frameLength(frame, 0) != length ||
            !checksum.matches(frame, 0, length))
        {
            return NONE;
        }
        header.wrap(frame, FrameHeader.MESSAGE_OFFSET);
        final int blockLength = header.blockLength();
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID ||
            header.templateId() != KillSwitchDecoder.TEMPLATE_ID || header.version() < MessageVersions.FIRST_VERSION ||
            blockLength < minBlockLength || FrameHeader.MIN_FRAME_LENGTH + blockLength > length)
        {
            return NONE;
        }
        final short engaged = killSwitch.wrap(frame, FrameHeader.MIN_FRAME_LENGTH, blockLength, header.version())
            .engaged();
        return engaged == 0 || engaged == 1 ? engaged : NONE;
    }

    /** Datagrams received on the endpoint that were not a valid KillSwitch frame (and unreadable ones). */
    long rejected()
    {
        return rejected + source.rejected();
    }

    public void close()
    {
        source.close();
    }
}

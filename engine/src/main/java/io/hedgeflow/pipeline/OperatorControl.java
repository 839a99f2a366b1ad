package io.hedgeflow.pipeline;

import io.hedgeflow.codecs.KillSwitchDecoder;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.control.CommandSeal;
import io.hedgeflow.control.ControlRefusal;
import io.hedgeflow.control.NonceWindow;
import io.hedgeflow.framing.FrameChecksum;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.framing.MessageVersions;
import io.hedgeflow.gateway.FrameSource;
import io.hedgeflow.status.EngineCounters;
import org.agrona.BufferUtil;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The operator's control endpoint (run --control udp://HOST:PORT): accepts only intact KillSwitch frames, of any
 * schema version, sealed with the control key ({@link CommandSeal}) at a time within
 * {@link EngineContext#controlWindowNs()} of the wall clock and with a nonce not seen within that window, and hands
 * over the command; the frame handler then runs it as a KillSwitch input of origin OPERATOR on the control channel
 * with its own sequence and logic time, so it is journaled (the seal is not) and replays like any input. The
 * sender's header fields (channel, sequence, time) are not used. An intact command that is unsigned, forged, stale
 * or replayed is refused and counted under its {@link ControlRefusal} in the engine's counters; anything else
 * received there is dropped. Both count in {@link #rejected()}. Polled by the processing thread; garbage-free.
 */
final class OperatorControl implements AutoCloseable
{
    /** {@link #poll} result when nothing (valid) was received. */
    static final int NONE = -1;
    /** Commands remembered for replay detection within one window. */
    private static final int NONCES = 4096;
    /** While busy, the endpoint is polled once every this many duty cycles (a system call each time). */
    private static final int BUSY_POLL_MASK = 255;

    private final FrameSource source;
    private final UnsafeBuffer frame =
        new UnsafeBuffer(BufferUtil.allocateDirectAligned(CommandSeal.MAX_DATAGRAM_LENGTH, 64));
    private final FrameChecksum checksum = new FrameChecksum();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final KillSwitchDecoder killSwitch = new KillSwitchDecoder();
    private final int minBlockLength =
        MessageVersions.blockLength(KillSwitchDecoder.class, MessageVersions.FIRST_VERSION);
    private final CommandSeal seal;
    private final EpochNanoClock clock;
    private final long windowNs;
    private final NonceWindow nonces = new NonceWindow(NONCES);
    private final AtomicCounter[] refused = new AtomicCounter[ControlRefusal.values().length];
    private long rejected;
    private long cycles;

    OperatorControl(final FrameSource source, final EngineContext ctx, final EngineCounters counters)
    {
        this.source = source;
        seal = new CommandSeal(ctx.controlKey());
        clock = ctx.controlClock();
        windowNs = ctx.controlWindowNs();
        for (final ControlRefusal reason : ControlRefusal.values())
        {
            refused[reason.ordinal()] = counters.controlRefused(reason);
        }
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
        final int length = source.poll(frame, 0, CommandSeal.MAX_DATAGRAM_LENGTH);
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
        final int frameLength = length < FrameHeader.MIN_FRAME_LENGTH ? 0 : FrameHeader.frameLength(frame, 0);
        if (frameLength < FrameHeader.MIN_FRAME_LENGTH || frameLength > length ||
            !checksum.matches(frame, 0, frameLength))
        {
            return NONE;
        }
        header.wrap(frame, FrameHeader.MESSAGE_OFFSET);
        final int blockLength = header.blockLength();
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID ||
            header.templateId() != KillSwitchDecoder.TEMPLATE_ID || header.version() < MessageVersions.FIRST_VERSION ||
            blockLength < minBlockLength || FrameHeader.MIN_FRAME_LENGTH + blockLength > frameLength)
        {
            return NONE;
        }
        final short engaged = killSwitch.wrap(frame, FrameHeader.MIN_FRAME_LENGTH, blockLength, header.version())
            .engaged();
        if (engaged != 0 && engaged != 1)
        {
            return NONE;
        }
        final ControlRefusal refusal = refusal(length, frameLength);
        if (refusal != null)
        {
            refused[refusal.ordinal()].incrementRelease();
            return NONE;
        }
        return engaged;
    }

    /** Why the command's seal is refused, null when it is accepted (its nonce is then remembered). */
    private ControlRefusal refusal(final int length, final int frameLength)
    {
        if (length != frameLength + CommandSeal.LENGTH)
        {
            return ControlRefusal.UNSIGNED;
        }
        if (!seal.verify(frame, 0, frameLength))
        {
            return ControlRefusal.FORGED;
        }
        final long nowNs = clock.nanoTime();
        final long timestampNs = CommandSeal.timestampNs(frame, 0, frameLength);
        if (timestampNs < nowNs - windowNs || timestampNs > nowNs + windowNs)
        {
            return ControlRefusal.STALE;
        }
        if (!nonces.add(CommandSeal.nonce(frame, 0, frameLength), timestampNs, nowNs - windowNs))
        {
            return ControlRefusal.REPLAYED;
        }
        return null;
    }

    /** Datagrams received on the endpoint that were not an accepted command (and unreadable ones). */
    long rejected()
    {
        return rejected + source.rejected();
    }

    public void close()
    {
        source.close();
    }
}

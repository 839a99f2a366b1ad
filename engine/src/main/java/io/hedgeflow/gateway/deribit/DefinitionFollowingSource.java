package io.hedgeflow.gateway.deribit;

import io.hedgeflow.codecs.InstrumentDefinitionDecoder;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.framing.FrameEncoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.FrameSource;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.sbe.MessageEncoderFlyweight;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A feed with frames of an account file injected right after the InstrumentDefinition frames they belong to, on a
 * channel of their own, numbered from 1, at the time of the definition, so the journal holds them as inputs and
 * replay needs no file. Entries still pending when the feed ends are reported ({@link #missing}).
 * <pre>
 *   feed:   ... InstrumentDefinition(X) ...
 *   out:    ... InstrumentDefinition(X) [frames {@link #onDefinition} queued for X] ...
 * </pre>
 *
 * @param <T> an entry of the file.
 */
abstract class DefinitionFollowingSource<T> implements FrameSource
{
    private static final int MAX_QUEUED_FRAMES = 4;

    protected final Path file;
    protected final List<T> pending;
    private final FrameSource feed;
    private final int channelId;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder();
    private final FrameEncoder encoder = new FrameEncoder();
    private final UnsafeBuffer queued = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH * MAX_QUEUED_FRAMES]);
    private int queuedOffset;
    private int queuedLength;
    private long sequence;
    private long timeNs;

    DefinitionFollowingSource(final FrameSource feed, final Path file, final List<T> entries, final int channelId)
    {
        this.feed = feed;
        this.file = file;
        this.pending = new ArrayList<>(entries);
        this.channelId = channelId;
    }

    /** Queues the frames of the pending entries this definition concerns (and removes those entries). */
    protected abstract void onDefinition(InstrumentDefinitionDecoder definition);

    /** The error for an entry still pending at the end of the feed. */
    protected abstract PositionsException missing(T entry);

    /** Starts a queued frame of the message (at most {@value #MAX_QUEUED_FRAMES} per definition). */
    protected final void begin(final MessageEncoderFlyweight message)
    {
        encoder.begin(queued, queuedLength, message, channelId, ++sequence, timeNs);
    }

    /** Ends the queued frame of the message. */
    protected final void end(final MessageEncoderFlyweight message)
    {
        queuedLength += encoder.end(message);
    }

    public int poll(final MutableDirectBuffer buffer, final int offset, final int maxLength)
    {
        if (queuedOffset < queuedLength)
        {
            final int length = FrameHeader.frameLength(queued, queuedOffset);
            buffer.putBytes(offset, queued, queuedOffset, length);
            queuedOffset += length;
            return length;
        }
        final int length = feed.poll(buffer, offset, maxLength);
        if (length == END && !pending.isEmpty())
        {
            throw missing(pending.get(0));
        }
        if (length >= FrameHeader.MIN_FRAME_LENGTH && !pending.isEmpty())
        {
            header.wrap(buffer, offset + FrameHeader.MESSAGE_OFFSET);
            if (header.templateId() == InstrumentDefinitionDecoder.TEMPLATE_ID &&
                header.schemaId() == InstrumentDefinitionDecoder.SCHEMA_ID)
            {
                definition.wrap(buffer, offset + FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());
                timeNs = FrameHeader.sendingTimeNs(buffer, offset);
                queuedOffset = 0;
                queuedLength = 0;
                onDefinition(definition);
            }
        }
        return length;
    }

    public FrameSource origin()
    {
        return feed.origin();
    }

    public long rejected()
    {
        return feed.rejected();
    }

    public void close()
    {
        feed.close();
    }
}

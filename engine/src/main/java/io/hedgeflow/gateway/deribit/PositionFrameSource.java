package io.hedgeflow.gateway.deribit;

import io.hedgeflow.codecs.InstrumentDefinitionDecoder;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.PositionSnapshotEncoder;
import io.hedgeflow.framing.Fixed8;
import io.hedgeflow.framing.FrameEncoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.FrameSource;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A feed with the account's positions ({@link PositionsFile}) injected as PositionSnapshot inputs: right after the
 * InstrumentDefinition frame that names a position's instrument (its symbol is the Deribit name), the next poll
 * returns the position's snapshot, in contracts (Deribit's size over the contract size: USD over the USD face of
 * an inverse future or perpetual, coin over the coin size of an option, spot or linear contract), on channel
 * {@link #CHANNEL_ID}, numbered from 1, at the time of the definition. So the journal holds the positions as inputs
 * and replay needs no file. A position whose instrument the feed never defined is reported at the end of the feed
 * ({@link PositionsException} naming the file, its line and the instrument).
 * <pre>
 *   feed:   ... InstrumentDefinition(BTC-PERPETUAL, contract 10 USD) ...
 *   out:    ... InstrumentDefinition(BTC-PERPETUAL) PositionSnapshot(BTC-PERPETUAL, 150000 / 10 = 15000) ...
 * </pre>
 */
public final class PositionFrameSource implements FrameSource
{
    /** Engine channel of the account's position snapshots (1 to 3 are the simulator's, exchange's, operator's). */
    public static final int CHANNEL_ID = 4;

    private final FrameSource feed;
    private final Path file;
    private final List<PositionsFile.Position> pending;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder();
    private final FrameEncoder encoder = new FrameEncoder();
    private final PositionSnapshotEncoder snapshot = new PositionSnapshotEncoder();
    private final UnsafeBuffer queued = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
    private int queuedLength;
    private long sequence;

    public PositionFrameSource(final FrameSource feed, final Path file, final List<PositionsFile.Position> positions)
    {
        this.feed = feed;
        this.file = file;
        this.pending = new ArrayList<>(positions);
    }

    public int poll(final MutableDirectBuffer buffer, final int offset, final int maxLength)
    {
        if (queuedLength > 0)
        {
            final int length = queuedLength;
            buffer.putBytes(offset, queued, 0, length);
            queuedLength = 0;
            return length;
        }
        final int length = feed.poll(buffer, offset, maxLength);
        if (length == END && !pending.isEmpty())
        {
            final PositionsFile.Position missing = pending.get(0);
            throw new PositionsException(file, missing.line(), "instrument_name",
                missing.instrument() + " is not an instrument of the feed");
        }
        if (length > 0 && !pending.isEmpty())
        {
            onFrame(buffer, offset, length);
        }
        return length;
    }

    private void onFrame(final MutableDirectBuffer buffer, final int offset, final int length)
    {
        if (length < FrameHeader.MIN_FRAME_LENGTH)
        {
            return;
        }
        header.wrap(buffer, offset + FrameHeader.MESSAGE_OFFSET);
        if (header.templateId() != InstrumentDefinitionDecoder.TEMPLATE_ID ||
            header.schemaId() != InstrumentDefinitionDecoder.SCHEMA_ID)
        {
            return;
        }
        definition.wrap(buffer, offset + FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());
        final String symbol = definition.symbol().strip();
        for (int i = 0; i < pending.size(); i++)
        {
            if (pending.get(i).instrument().equals(symbol))
            {
                final double contracts = pending.remove(i).size() / Fixed8.toDouble(definition.contractSize());
                encoder.begin(queued, 0, snapshot, CHANNEL_ID, ++sequence, FrameHeader.sendingTimeNs(buffer, offset));
                snapshot.instrumentId(definition.instrumentId()).position(Fixed8.fromDouble(contracts));
                queuedLength = encoder.end(snapshot);
                return;
            }
        }
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

package io.hedgeflow.gateway.deribit;

import io.hedgeflow.codecs.AccountSnapshotEncoder;
import io.hedgeflow.codecs.InstrumentDefinitionDecoder;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.Settlement;
import io.hedgeflow.framing.Fixed8;
import io.hedgeflow.framing.FrameEncoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.FrameSource;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A feed with the account's equity per currency injected as AccountSnapshot inputs, so the journal holds it and
 * replay needs no file: a coin (BTC, ETH, ...) right after the first InstrumentDefinition of an INVERSE instrument
 * whose symbol starts with the coin and a dash (its underlying id is the currency's), USDC or USDT (LINEAR, shared
 * by every linear instrument) right after the first InstrumentDefinition of all; on channel {@link #CHANNEL_ID},
 * numbered from 1, at the time of the definition.
 * <pre>
 *   feed:   ... InstrumentDefinition(BTC-PERPETUAL, underlying 1, INVERSE) ...
 *   out:    ... InstrumentDefinition(BTC-PERPETUAL) AccountSnapshot(underlying 1, INVERSE, equity 2.5) ...
 * </pre>
 * A coin the feed never defines an inverse instrument of is reported at the end of the feed
 * ({@link PositionsException} naming the file, its line and the currency).
 */
public final class AccountFrameSource implements FrameSource
{
    /** Engine channel of the account's equity snapshots (4 is the positions'). */
    public static final int CHANNEL_ID = 5;

    /** The equity of one currency of the account file, and the line that gave it. */
    public record Equity(String currency, double equity, int line)
    {
        /** USDC and USDT settle the linear instruments; any other currency is a coin of inverse ones. */
        public boolean linear()
        {
            final String upper = currency.toUpperCase(Locale.ROOT);
            return upper.equals("USDC") || upper.equals("USDT");
        }
    }

    private final FrameSource feed;
    private final Path file;
    private final List<Equity> pending;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder();
    private final FrameEncoder encoder = new FrameEncoder();
    private final AccountSnapshotEncoder snapshot = new AccountSnapshotEncoder();
    private final UnsafeBuffer queued = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH * 4]);
    private int queuedOffset;
    private int queuedLength;
    private long sequence;

    public AccountFrameSource(final FrameSource feed, final Path file, final List<Equity> equities)
    {
        this.feed = feed;
        this.file = file;
        this.pending = new ArrayList<>(equities);
        if (pending.size() > 4)
        {
            throw new PositionsException(file, pending.get(4).line(), "currency", "more than 4 currencies");
        }
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
            final Equity missing = pending.get(0);
            throw new PositionsException(file, missing.line(), "currency",
                missing.currency() + " settles no instrument of the feed");
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
        final String symbol = definition.symbol().strip().toUpperCase(Locale.ROOT);
        final boolean inverse = definition.settlement() == Settlement.INVERSE;
        queuedOffset = 0;
        queuedLength = 0;
        for (int i = pending.size() - 1; i >= 0; i--)
        {
            final Equity equity = pending.get(i);
            final boolean due = equity.linear() ||
                inverse && symbol.startsWith(equity.currency().toUpperCase(Locale.ROOT) + "-");
            if (due)
            {
                pending.remove(i);
                encoder.begin(queued, queuedLength, snapshot, CHANNEL_ID, ++sequence,
                    FrameHeader.sendingTimeNs(buffer, offset));
                snapshot.underlyingId(equity.linear() ? 0 : definition.underlyingId())
                    .settlement(equity.linear() ? Settlement.LINEAR : Settlement.INVERSE)
                    .equity(Fixed8.fromDouble(equity.equity()));
                queuedLength += encoder.end(snapshot);
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

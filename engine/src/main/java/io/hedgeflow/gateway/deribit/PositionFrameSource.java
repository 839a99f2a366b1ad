package io.hedgeflow.gateway.deribit;

import io.hedgeflow.codecs.InstrumentDefinitionDecoder;
import io.hedgeflow.codecs.PositionSnapshotEncoder;
import io.hedgeflow.framing.Fixed8;
import io.hedgeflow.gateway.FrameSource;

import java.nio.file.Path;
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
public final class PositionFrameSource extends DefinitionFollowingSource<PositionsFile.Position>
{
    /** Engine channel of the account's position snapshots (1 to 3 are the simulator's, exchange's, operator's). */
    public static final int CHANNEL_ID = 4;

    private final PositionSnapshotEncoder snapshot = new PositionSnapshotEncoder();

    public PositionFrameSource(final FrameSource feed, final Path file, final List<PositionsFile.Position> positions)
    {
        super(feed, file, positions, CHANNEL_ID);
    }

    protected void onDefinition(final InstrumentDefinitionDecoder definition)
    {
        final String symbol = definition.symbol().strip();
        for (int i = 0; i < pending.size(); i++)
        {
            if (pending.get(i).instrument().equals(symbol))
            {
                final double contracts = pending.remove(i).size() / Fixed8.toDouble(definition.contractSize());
                begin(snapshot);
                snapshot.instrumentId(definition.instrumentId()).position(Fixed8.fromDouble(contracts));
                end(snapshot);
                return;
            }
        }
    }

    protected PositionsException missing(final PositionsFile.Position position)
    {
        return new PositionsException(file, position.line(), "instrument_name",
            position.instrument() + " is not an instrument of the feed");
    }
}

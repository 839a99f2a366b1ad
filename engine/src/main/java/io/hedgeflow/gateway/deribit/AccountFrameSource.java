package io.hedgeflow.gateway.deribit;

import io.hedgeflow.codecs.AccountSnapshotEncoder;
import io.hedgeflow.codecs.InstrumentDefinitionDecoder;
import io.hedgeflow.codecs.Settlement;
import io.hedgeflow.framing.Fixed8;
import io.hedgeflow.gateway.FrameSource;

import java.nio.file.Path;
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
public final class AccountFrameSource extends DefinitionFollowingSource<AccountFrameSource.Equity>
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

    private final AccountSnapshotEncoder snapshot = new AccountSnapshotEncoder();

    public AccountFrameSource(final FrameSource feed, final Path file, final List<Equity> equities)
    {
        super(feed, file, equities, CHANNEL_ID);
        if (pending.size() > 4)
        {
            throw new PositionsException(file, pending.get(4).line(), "currency", "more than 4 currencies");
        }
    }

    protected void onDefinition(final InstrumentDefinitionDecoder definition)
    {
        final String symbol = definition.symbol().strip().toUpperCase(Locale.ROOT);
        final boolean inverse = definition.settlement() == Settlement.INVERSE;
        for (int i = pending.size() - 1; i >= 0; i--)
        {
            final Equity equity = pending.get(i);
            final boolean due = equity.linear() ||
                inverse && symbol.startsWith(equity.currency().toUpperCase(Locale.ROOT) + "-");
            if (due)
            {
                pending.remove(i);
                begin(snapshot);
                snapshot.underlyingId(equity.linear() ? 0 : definition.underlyingId())
                    .settlement(equity.linear() ? Settlement.LINEAR : Settlement.INVERSE)
                    .equity(Fixed8.fromDouble(equity.equity()));
                end(snapshot);
            }
        }
    }

    protected PositionsException missing(final Equity equity)
    {
        return new PositionsException(file, equity.line(), "currency",
            equity.currency() + " settles no instrument of the feed");
    }
}

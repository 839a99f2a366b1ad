package io.hedgeflow.backtest;

import io.hedgeflow.codecs.AccountSnapshotEncoder;
import io.hedgeflow.codecs.IndexPriceEncoder;
import io.hedgeflow.codecs.InstrumentDefinitionEncoder;
import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.codecs.OptionTickerEncoder;
import io.hedgeflow.codecs.OptionTradeEncoder;
import io.hedgeflow.codecs.OptionType;
import io.hedgeflow.codecs.QuoteEncoder;
import io.hedgeflow.codecs.Settlement;
import io.hedgeflow.framing.Fixed8;
import io.hedgeflow.framing.FrameEncoder;
import io.hedgeflow.framing.FrameHeader;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Encodes the backtest's market frames on channel {@link #CHANNEL_ID} with gap-free sequences: the definitions of
 * the hedge instrument (a linear perpetual of contract size 1: one share) and the option, quotes, index prices,
 * option tickers (mark IV), the option trade that opens the position and, with margin constraints, the account's
 * equity. Each call overwrites {@link #buffer}.
 * Garbage-free.
 */
final class HostFrames
{
    static final int CHANNEL_ID = 1;
    static final int UNDERLYING_ID = 1;
    static final int HEDGE_ID = 1;
    static final int OPTION_ID = 2;
    /** Price increment of the hedge instrument: the smallest Fixed8 step. */
    static final double TICK = 1e-8;

    final UnsafeBuffer buffer = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
    private final FrameEncoder frame = new FrameEncoder();
    private final InstrumentDefinitionEncoder definition = new InstrumentDefinitionEncoder();
    private final QuoteEncoder quote = new QuoteEncoder();
    private final IndexPriceEncoder index = new IndexPriceEncoder();
    private final OptionTickerEncoder ticker = new OptionTickerEncoder();
    private final OptionTradeEncoder trade = new OptionTradeEncoder();
    private final AccountSnapshotEncoder account = new AccountSnapshotEncoder();
    private long sequence;
    long timeNs;

    void restart(final long startNs)
    {
        sequence = 0;
        timeNs = startNs;
    }

    int hedgeDefinition(final double lot)
    {
        return definition(HEDGE_ID, InstrumentKind.PERPETUAL, OptionType.NONE, lot, 0.0, 0L);
    }

    int optionDefinition(final boolean call, final double strike, final long expiryNs)
    {
        return definition(OPTION_ID, InstrumentKind.OPTION, call ? OptionType.CALL : OptionType.PUT, 1e-8, strike,
            expiryNs);
    }

    private int definition(
        final int id, final InstrumentKind kind, final OptionType type, final double lot, final double strike,
        final long expiryNs)
    {
        frame.begin(buffer, 0, definition, CHANNEL_ID, ++sequence, timeNs);
        definition.instrumentId(id).underlyingId(UNDERLYING_ID).kind(kind).settlement(Settlement.LINEAR)
            .optionType(type).contractSize(Fixed8.ONE).tickSize(Fixed8.fromDouble(TICK))
            .lotSize(Fixed8.fromDouble(lot)).minSize(Fixed8.fromDouble(lot)).strike(Fixed8.fromDouble(strike))
            .expiryNs(expiryNs).symbol(kind == InstrumentKind.OPTION ? "BT-OPTION" : "BT-HEDGE")
            .makerFee(InstrumentDefinitionEncoder.makerFeeNullValue())
            .takerFee(InstrumentDefinitionEncoder.takerFeeNullValue());
        return frame.end(definition);
    }

    /** Zero-spread quote of the hedge instrument at the spot (mantissa): costs are the exchange's fee. */
    int quote(final long spot)
    {
        frame.begin(buffer, 0, quote, CHANNEL_ID, ++sequence, timeNs);
        quote.instrumentId(HEDGE_ID).bidPrice(spot).bidSize(Long.MAX_VALUE / 4).askPrice(spot)
            .askSize(Long.MAX_VALUE / 4);
        return frame.end(quote);
    }

    int index(final long spot)
    {
        frame.begin(buffer, 0, index, CHANNEL_ID, ++sequence, timeNs);
        index.underlyingId(UNDERLYING_ID).price(spot);
        return frame.end(index);
    }

    int ticker(final double vol, final double mark, final long spot)
    {
        frame.begin(buffer, 0, ticker, CHANNEL_ID, ++sequence, timeNs);
        final long iv = Fixed8.fromDouble(vol);
        ticker.instrumentId(OPTION_ID).markPrice(Fixed8.fromDouble(mark)).markIv(iv).bidIv(iv).askIv(iv)
            .underlyingPrice(spot);
        return frame.end(ticker);
    }

    /** The account's USD (linear) equity. */
    int accountSnapshot(final double equity)
    {
        frame.begin(buffer, 0, account, CHANNEL_ID, ++sequence, timeNs);
        account.underlyingId(0).settlement(Settlement.LINEAR).equity(Fixed8.fromDouble(equity));
        return frame.end(account);
    }

    int optionTrade(final double quantity, final double price)
    {
        frame.begin(buffer, 0, trade, CHANNEL_ID, ++sequence, timeNs);
        trade.instrumentId(OPTION_ID).quantity(Fixed8.fromDouble(quantity)).price(Fixed8.fromDouble(price));
        return frame.end(trade);
    }
}

package io.hedgeflow.gateway.deribit;

import io.hedgeflow.deribit.codecs.BookDecoder;
import io.hedgeflow.deribit.codecs.ComboLegsDecoder;
import io.hedgeflow.deribit.codecs.InstrumentDecoder;
import io.hedgeflow.deribit.codecs.InstrumentV2Decoder;
import io.hedgeflow.deribit.codecs.PriceIndexDecoder;
import io.hedgeflow.deribit.codecs.RfqDecoder;
import io.hedgeflow.deribit.codecs.SnapshotDecoder;
import io.hedgeflow.deribit.codecs.TickerDecoder;
import io.hedgeflow.deribit.codecs.TradesDecoder;

/**
 * Callbacks of the {@link DeribitAdapter}: one per decoded message, with the flyweight decoder wrapped over it
 * (valid only during the call), and the channel state changes. {@code channel} is always the incremental channel
 * id (a snapshot channel 100 + c reports c); {@code snapshot} tells that the message came in its snapshot cycle.
 */
public interface DeribitListener
{
    /** A packet was accepted; its messages follow. timeNs: capture time, 0 for a live socket. */
    void onPacket(long timeNs);

    void onInstrument(int channel, boolean snapshot, InstrumentDecoder instrument);

    void onInstrumentV2(int channel, boolean snapshot, InstrumentV2Decoder instrument);

    void onBook(int channel, BookDecoder book);

    void onTrades(int channel, TradesDecoder trades);

    void onTicker(int channel, boolean snapshot, TickerDecoder ticker);

    void onSnapshot(int channel, SnapshotDecoder snapshot);

    void onComboLegs(int channel, boolean snapshot, ComboLegsDecoder legs);

    void onPriceIndex(int channel, PriceIndexDecoder index);

    void onRfq(int channel, RfqDecoder rfq);

    /** A sequence gap on the incremental channel: its instruments are STALE until it recovers. */
    void onChannelStale(int channel);

    /** A complete snapshot cycle of a stale channel was delivered: the channel is live again. */
    void onChannelRecovered(int channel);
}

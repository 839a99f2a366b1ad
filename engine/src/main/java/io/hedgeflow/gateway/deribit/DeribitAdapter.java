package io.hedgeflow.gateway.deribit;

import io.hedgeflow.deribit.codecs.BookDecoder;
import io.hedgeflow.deribit.codecs.ComboLegsDecoder;
import io.hedgeflow.deribit.codecs.InstrumentDecoder;
import io.hedgeflow.deribit.codecs.InstrumentV2Decoder;
import io.hedgeflow.deribit.codecs.MessageHeaderDecoder;
import io.hedgeflow.deribit.codecs.PriceIndexDecoder;
import io.hedgeflow.deribit.codecs.RfqDecoder;
import io.hedgeflow.deribit.codecs.SnapshotDecoder;
import io.hedgeflow.deribit.codecs.SnapshotEndDecoder;
import io.hedgeflow.deribit.codecs.SnapshotStartDecoder;
import io.hedgeflow.deribit.codecs.TickerDecoder;
import io.hedgeflow.deribit.codecs.TradesDecoder;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Decodes Deribit multicast packets into {@link DeribitListener} callbacks, garbage-free: the 8-byte frame header
 * (u16 length of the messages, u16 channel, u32 sequence), then every SBE message of the packet with flyweight
 * decoders re-wrapped per message.
 * <ul>
 *   <li>A packet is checked whole before any message is delivered: a length field or group count past the packet,
 *   or a wrong schema id, drops it (counted malformed) with no state change; the next packet is read as usual.</li>
 *   <li>Sequencing per channel: a packet at or below the last sequence of its channel is a duplicate (the B copy of
 *   an A/B pair: the first copy wins) and dropped; a jump is a gap (counted). Every gap on incremental channel c
 *   makes c STALE ({@link DeribitListener#onChannelStale}); c recovers at the end of the next complete snapshot
 *   cycle (SnapshotStart ... SnapshotEnd without a gap) on its snapshot channel 100 + c.</li>
 *   <li>A message of an unknown template is skipped by its block length, groups and var data (counted); a newer
 *   version of a known template is decoded by its block length, its newer fields skipped (counted).</li>
 * </ul>
 * Channels 0 to {@link #MAX_CHANNELS} - 1 and their snapshot channels are read; a packet on another is malformed.
 */
public final class DeribitAdapter
{
    /** Frame header in front of the SBE messages of a packet. */
    public static final int FRAME_HEADER_LENGTH = 8;
    /** Snapshot channel of incremental channel c: c + this. */
    public static final int SNAPSHOT_CHANNEL_OFFSET = 100;
    /** Incremental channels supported: 0 to this - 1. */
    public static final int MAX_CHANNELS = 48;
    /** Schema version this adapter was generated from. */
    public static final int SCHEMA_VERSION = MessageHeaderDecoder.SCHEMA_VERSION;

    /** Messages a packet can hold: its u16 length over the smallest message, a bare header. */
    private static final int MAX_MESSAGES = 0xFFFF / MessageLayouts.MESSAGE_HEADER_LENGTH + 1;

    private final DeribitListener listener;
    private final FeedCounters counters;
    private final int[] messageEnds = new int[MAX_MESSAGES];
    private final UncheckedBuffer packet = new UncheckedBuffer();
    private final long[] lastSequence = new long[SNAPSHOT_CHANNEL_OFFSET + MAX_CHANNELS];
    private final boolean[] stale = new boolean[MAX_CHANNELS];
    private final boolean[] inCycle = new boolean[MAX_CHANNELS];
    private final InstrumentDecoder instrument = new InstrumentDecoder();
    private final InstrumentV2Decoder instrumentV2 = new InstrumentV2Decoder();
    private final BookDecoder book = new BookDecoder();
    private final TradesDecoder trades = new TradesDecoder();
    private final TickerDecoder ticker = new TickerDecoder();
    private final SnapshotDecoder snapshot = new SnapshotDecoder();
    private final ComboLegsDecoder comboLegs = new ComboLegsDecoder();
    private final PriceIndexDecoder priceIndex = new PriceIndexDecoder();
    private final RfqDecoder rfq = new RfqDecoder();

    public DeribitAdapter(final DeribitListener listener, final FeedCounters counters)
    {
        this.listener = listener;
        this.counters = counters;
    }

    public FeedCounters counters()
    {
        return counters;
    }

    /** True while incremental channel c is STALE (after a gap, before its snapshot cycle completed). */
    public boolean isStale(final int channel)
    {
        return stale[channel];
    }

    /**
     * One UDP payload.
     *
     * @param timeNs capture time of the packet, 0 when unknown.
     */
    public void onPacket(final DirectBuffer buffer, final int offset, final int length, final long timeNs)
    {
        if (length < FRAME_HEADER_LENGTH)
        {
            counters.malformed++;
            return;
        }
        buffer.boundsCheck(offset, length);
        packet.wrap(buffer);
        onPacket(packet, offset, length, timeNs);
    }

    /**
     * The packet from a view without bounds checks: every read is inside offset and length, by the frame header's
     * length and the {@link MessageLayouts} checks of each message before it is decoded.
     */
    private void onPacket(final UncheckedBuffer buffer, final int offset, final int length, final long timeNs)
    {
        final long frameHeader = buffer.getLong(offset, ByteOrder.LITTLE_ENDIAN);
        final int messagesLength = (int)frameHeader & 0xFFFF;
        final int messages = FRAME_HEADER_LENGTH + messagesLength > length ? MessageLayouts.MALFORMED :
            walk(buffer, offset + FRAME_HEADER_LENGTH, offset + FRAME_HEADER_LENGTH + messagesLength);
        final int wireChannel = (int)(frameHeader >>> 16) & 0xFFFF;
        final boolean isSnapshot = wireChannel >= SNAPSHOT_CHANNEL_OFFSET;
        final int channel = isSnapshot ? wireChannel - SNAPSHOT_CHANNEL_OFFSET : wireChannel;
        if (messages == MessageLayouts.MALFORMED || channel >= MAX_CHANNELS)
        {
            counters.malformed++;
            return;
        }
        final long sequence = frameHeader >>> 32;
        final long last = lastSequence[wireChannel];
        if (last != 0 && sequence <= last)
        {
            counters.duplicates++;
            return;
        }
        lastSequence[wireChannel] = sequence;
        counters.packets++;
        listener.onPacket(timeNs);
        if (last != 0 && sequence > last + 1)
        {
            onGap(channel, isSnapshot);
        }
        for (int i = 0, at = offset + FRAME_HEADER_LENGTH; i < messages; at = messageEnds[i++])
        {
            onMessage(buffer, at, channel, isSnapshot);
        }
    }

    /**
     * Walks the messages from start to end, keeping where each ends in {@link #messageEnds}: their number, or
     * {@link MessageLayouts#MALFORMED} when one does not fit.
     */
    private int walk(final DirectBuffer buffer, final int start, final int end)
    {
        int messages = 0;
        for (int at = start; at < end; )
        {
            at = MessageLayouts.end(buffer, at, end);
            if (at == MessageLayouts.MALFORMED)
            {
                return MessageLayouts.MALFORMED;
            }
            messageEnds[messages++] = at;
        }
        return messages;
    }

    private void onGap(final int channel, final boolean isSnapshot)
    {
        counters.gaps++;
        if (isSnapshot)
        {
            inCycle[channel] = false;
        }
        else
        {
            stale[channel] = true;
            listener.onChannelStale(channel);
        }
    }

    private void onMessage(final DirectBuffer buffer, final int message, final int channel, final boolean isSnapshot)
    {
        final long header = MessageLayouts.header(buffer, message);
        final int templateId = MessageLayouts.templateId(header);
        if (!MessageLayouts.isKnown(templateId) ||
            !MessageLayouts.decodable(buffer, message, header, MessageLayouts.counts(buffer, message)))
        {
            counters.unknownTemplates++;
            return;
        }
        final int version = MessageLayouts.version(header);
        if (version > SCHEMA_VERSION)
        {
            counters.newerVersions++;
        }
        counters.message(templateId);
        final int body = message + MessageLayouts.MESSAGE_HEADER_LENGTH;
        final int block = MessageLayouts.blockLength(header);
        switch (templateId)
        {
            case InstrumentDecoder.TEMPLATE_ID ->
                listener.onInstrument(channel, isSnapshot, instrument.wrap(buffer, body, block, version));
            case InstrumentV2Decoder.TEMPLATE_ID ->
                listener.onInstrumentV2(channel, isSnapshot, instrumentV2.wrap(buffer, body, block, version));
            case BookDecoder.TEMPLATE_ID -> listener.onBook(channel, book.wrap(buffer, body, block, version));
            case TradesDecoder.TEMPLATE_ID -> listener.onTrades(channel, trades.wrap(buffer, body, block, version));
            case TickerDecoder.TEMPLATE_ID ->
                listener.onTicker(channel, isSnapshot, ticker.wrap(buffer, body, block, version));
            case SnapshotDecoder.TEMPLATE_ID ->
                listener.onSnapshot(channel, snapshot.wrap(buffer, body, block, version));
            case SnapshotStartDecoder.TEMPLATE_ID -> onSnapshotStart(channel, isSnapshot);
            case SnapshotEndDecoder.TEMPLATE_ID -> onSnapshotEnd(channel, isSnapshot);
            case ComboLegsDecoder.TEMPLATE_ID ->
                listener.onComboLegs(channel, isSnapshot, comboLegs.wrap(buffer, body, block, version));
            case PriceIndexDecoder.TEMPLATE_ID ->
                listener.onPriceIndex(channel, priceIndex.wrap(buffer, body, block, version));
            case RfqDecoder.TEMPLATE_ID -> listener.onRfq(channel, rfq.wrap(buffer, body, block, version));
        }
    }

    private void onSnapshotStart(final int channel, final boolean isSnapshot)
    {
        if (isSnapshot)
        {
            inCycle[channel] = true;
        }
    }

    private void onSnapshotEnd(final int channel, final boolean isSnapshot)
    {
        if (isSnapshot && inCycle[channel])
        {
            inCycle[channel] = false;
            if (stale[channel])
            {
                stale[channel] = false;
                listener.onChannelRecovered(channel);
            }
        }
    }
}

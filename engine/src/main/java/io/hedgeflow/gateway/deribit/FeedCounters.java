package io.hedgeflow.gateway.deribit;

import io.hedgeflow.deribit.codecs.InstrumentDecoder;
import io.hedgeflow.deribit.codecs.InstrumentV2Decoder;

/**
 * What the Deribit feed delivered: packets, messages per template id, and what was counted and dropped. Written by
 * the one thread that polls the feed; read by it, or by others through an {@link io.hedgeflow.status.EngineCounters}
 * copy.
 */
public final class FeedCounters
{
    /** Lowest Deribit template id (Instrument, 1000). */
    public static final int FIRST_TEMPLATE = InstrumentDecoder.TEMPLATE_ID;
    /** Highest Deribit template id known (InstrumentV2, 1010). */
    public static final int LAST_TEMPLATE = InstrumentV2Decoder.TEMPLATE_ID;

    private final long[] messages = new long[LAST_TEMPLATE - FIRST_TEMPLATE + 1];
    long packets;
    long malformed;
    long gaps;
    long duplicates;
    long unknownTemplates;
    long newerVersions;
    long skippedPackets;
    long truncated;
    long noIv;
    long instrumentsNotNormalized;

    void message(final int templateId)
    {
        messages[templateId - FIRST_TEMPLATE]++;
    }

    /** Packets accepted (structurally sound, not duplicates). */
    public long packets()
    {
        return packets;
    }

    /** Messages of a known template id decoded (0 for another id). */
    public long messages(final int templateId)
    {
        return templateId >= FIRST_TEMPLATE && templateId <= LAST_TEMPLATE ? messages[templateId - FIRST_TEMPLATE] : 0;
    }

    /** Messages of all templates. */
    public long messages()
    {
        long sum = 0;
        for (final long n : messages)
        {
            sum += n;
        }
        return sum;
    }

    /** Packets dropped whole as malformed: a length or group count past the packet, a wrong schema id. */
    public long malformed()
    {
        return malformed;
    }

    /** Sequence gaps, on incremental and snapshot channels. */
    public long gaps()
    {
        return gaps;
    }

    /** Packets already seen on their channel (the B copy of an A/B pair, or a replayed packet), dropped. */
    public long duplicates()
    {
        return duplicates;
    }

    /** Messages of a template id this schema does not know, skipped by their lengths. */
    public long unknownTemplates()
    {
        return unknownTemplates;
    }

    /** Messages of a known template in a newer version: decoded by their block length, newer fields skipped. */
    public long newerVersions()
    {
        return newerVersions;
    }

    /** Capture records that were not UDP over IPv4 over Ethernet, skipped. */
    public long skippedPackets()
    {
        return skippedPackets;
    }

    /** Capture files cut short (the packets before the cut were read). */
    public long truncated()
    {
        return truncated;
    }

    /** Instruments (not combos) not defined to the engine: invalid values, or beyond the logic's capacities. */
    public long instrumentsNotNormalized()
    {
        return instrumentsNotNormalized;
    }

    /** Option tickers whose mark admits no implied volatility (at or below intrinsic value): no OptionTicker. */
    public long noIv()
    {
        return noIv;
    }
}

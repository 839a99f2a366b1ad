package io.hedgeflow.gateway.deribit;

import io.hedgeflow.gateway.FrameSource;
import io.hedgeflow.gateway.UdpEndpoint;
import io.hedgeflow.logic.LogicContext;
import io.hedgeflow.status.EngineCounters;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The engine's frames normalized from a Deribit multicast feed: packets from a capture file ({@code pcap:FILE}) or
 * from multicast groups ({@code deribit+udp://GROUP:PORT@INTERFACE[,GROUP_B:PORT]}), through the
 * {@link DeribitAdapter} and the normalization, queued per packet and handed out one frame per {@link #poll}.
 * <p>
 * API for other commands (e.g. {@code risk}), all on the polling thread: {@link #open} a feed URI, poll it to its
 * end, then read {@link #counters()} (packets, messages per template, malformed, gaps, duplicates, unknown
 * templates, no-IV marks) and {@link #instruments()} (per instrument the last mark, forward and implied volatility
 * or its absence; per underlying the index, and {@link DeribitInstruments#forward(int, long)} per expiry).
 */
public final class DeribitFrameSource implements FrameSource
{
    /** Feed URI prefix of a capture file. */
    public static final String PCAP_PREFIX = "pcap:";
    /** Feed URI prefix of a live multicast feed. */
    public static final String UDP_PREFIX = "deribit+udp://";
    private static final String[] LABELS = {"packets", "malformed", "gaps", "duplicates", "unknown templates",
        "no iv"};

    private final PacketSource packets;
    private final int[] ports;
    private final FeedCounters counters = new FeedCounters();
    private final FrameOutput output = new FrameOutput();
    private final DeribitNormalizer normalizer;
    private final DeribitAdapter adapter;
    private AtomicCounter[] published;

    DeribitFrameSource(final PacketSource packets, final int[] ports, final LogicContext limits)
    {
        this.packets = packets;
        this.ports = ports.clone();
        normalizer = new DeribitNormalizer(new DeribitUnderlyings(), output, counters, limits);
        adapter = new DeribitAdapter(normalizer, counters);
    }

    /**
     * A source fed by the caller through {@link #onPacket} (e.g. from its own network stack, or payloads held in
     * memory); {@link #poll} hands out the frames of the packets pushed so far and never ends.
     */
    public static DeribitFrameSource forPushedPackets(final LogicContext limits)
    {
        return new DeribitFrameSource(new PushedPackets(), new int[0], limits);
    }

    /**
     * Decodes and normalizes one UDP payload now; its frames are queued for {@link #poll}.
     *
     * @param timeNs capture time of the packet, 0 when unknown (the messages' exchange times are logic time then).
     */
    public void onPacket(final DirectBuffer payload, final int offset, final int length, final long timeNs)
    {
        adapter.onPacket(payload, offset, length, timeNs);
        publish();
    }

    /** True for a feed URI this source reads. */
    public static boolean isDeribitFeed(final String feed)
    {
        return feed.startsWith(PCAP_PREFIX) || feed.startsWith(UDP_PREFIX);
    }

    /**
     * Opens a feed URI.
     *
     * @param ports              destination ports to read (empty: all); e.g. 6100 incremental, 6101 snapshots.
     * @param receiveBufferBytes SO_RCVBUF of the multicast sockets.
     * @param idleTimeoutNs      multicast: end after this long without a packet once one arrived; 0 = never.
     * @param limits             the logic's capacities (instruments, underlyings, options per underlying): an
     *                           instrument beyond them is not defined to the engine, which would reject it.
     * @throws IllegalArgumentException naming the file and byte offset, or the address, when it is not usable.
     */
    public static DeribitFrameSource open(
        final String feed, final int[] ports, final int receiveBufferBytes, final long idleTimeoutNs,
        final LogicContext limits) throws IOException
    {
        if (feed.startsWith(PCAP_PREFIX))
        {
            return new DeribitFrameSource(new PcapPacketSource(new PcapReader(Path.of(
                feed.substring(PCAP_PREFIX.length())))), ports, limits);
        }
        if (feed.startsWith(UDP_PREFIX))
        {
            return new DeribitFrameSource(new DeribitUdpReceiver(groups(feed), receiveBufferBytes, idleTimeoutNs),
                ports, limits);
        }
        throw new IllegalArgumentException("not a Deribit feed: " + feed);
    }

    /**
     * GROUP:PORT@INTERFACE[,GROUP_B:PORT] into one or two multicast endpoints on the interface (a unicast address
     * or an unknown interface is refused by {@link UdpEndpoint#parse}).
     */
    static UdpEndpoint[] groups(final String feed)
    {
        final String spec = feed.substring(UDP_PREFIX.length());
        final int at = spec.indexOf('@');
        if (at < 0)
        {
            throw new IllegalArgumentException("bad Deribit feed '" + feed + "': expected " + UDP_PREFIX +
                "GROUP:PORT@INTERFACE[,GROUP_B:PORT]");
        }
        final int comma = spec.indexOf(',', at);
        final String iface = spec.substring(at + 1, comma < 0 ? spec.length() : comma);
        final UdpEndpoint a = UdpEndpoint.parse("udp://" + spec.substring(0, at) + "?interface=" + iface);
        if (comma < 0)
        {
            return new UdpEndpoint[]{a};
        }
        final UdpEndpoint b = UdpEndpoint.parse("udp://" + spec.substring(comma + 1) + "?interface=" + iface);
        return new UdpEndpoint[]{a, b};
    }

    public int poll(final MutableDirectBuffer buffer, final int offset, final int maxLength)
    {
        while (true)
        {
            final int length = output.poll(buffer, offset, maxLength);
            if (length > 0)
            {
                return length;
            }
            final UdpPacket packet = packets.next();
            if (packet == null)
            {
                publish();
                return packets.ended() ? END : 0;
            }
            if (accepts(packet.destinationPort()))
            {
                onPacket(packet.payload(), 0, packet.length(), packet.timeNs());
            }
        }
    }

    private boolean accepts(final int port)
    {
        if (ports.length == 0)
        {
            return true;
        }
        for (final int p : ports)
        {
            if (p == port)
            {
                return true;
            }
        }
        return false;
    }

    /** Counters of the feed (see the class comment); skipped and truncated are those of the packet source. */
    public FeedCounters counters()
    {
        counters.skippedPackets = packets.skipped();
        counters.truncated = packets.truncated();
        return counters;
    }

    /** The instruments and market state the feed defined. */
    public DeribitInstruments instruments()
    {
        return normalizer.instruments();
    }

    /** The adapter, for tests of its channel states. */
    DeribitAdapter adapterForTest()
    {
        return adapter;
    }

    /** Malformed packets and cut-short capture files. */
    public long rejected()
    {
        return counters.malformed + packets.truncated();
    }

    /** Publishes the feed's counters live in the engine's counters file (for {@code hedgeflow stat}). */
    public void countInto(final EngineCounters engineCounters)
    {
        published = new AtomicCounter[LABELS.length + FeedCounters.LAST_TEMPLATE - FeedCounters.FIRST_TEMPLATE + 1];
        for (int i = 0; i < LABELS.length; i++)
        {
            published[i] = engineCounters.feedCounter("deribit " + LABELS[i]);
        }
        for (int t = FeedCounters.FIRST_TEMPLATE; t <= FeedCounters.LAST_TEMPLATE; t++)
        {
            published[LABELS.length + t - FeedCounters.FIRST_TEMPLATE] =
                engineCounters.feedCounter(String.format(Locale.ROOT, "deribit messages %d", t));
        }
    }

    private void publish()
    {
        if (published != null)
        {
            published[0].setRelease(counters.packets);
            published[1].setRelease(counters.malformed);
            published[2].setRelease(counters.gaps);
            published[3].setRelease(counters.duplicates);
            published[4].setRelease(counters.unknownTemplates);
            published[5].setRelease(counters.noIv);
            for (int t = FeedCounters.FIRST_TEMPLATE; t <= FeedCounters.LAST_TEMPLATE; t++)
            {
                published[LABELS.length + t - FeedCounters.FIRST_TEMPLATE].setRelease(counters.messages(t));
            }
        }
    }

    public void close()
    {
        packets.close();
    }
}

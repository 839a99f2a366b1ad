package io.hedgeflow.gateway.deribit;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The UDP packets of a pcap or pcapng capture file, one at a time, from a read-only memory map: pcap in both byte
 * orders with microsecond or nanosecond timestamps; pcapng sections of either byte order, interfaces with their
 * timestamp resolution, enhanced and simple packet blocks. Link layer Ethernet, with any number of 802.1Q/802.1ad
 * VLAN tags, then IPv4 (unfragmented) and UDP. Garbage-free per packet.
 * <p>
 * A file that does not start as a capture is refused at construction with an {@link IllegalArgumentException}
 * naming the file and the byte offset. A record or block cut short by the end of the file is counted in
 * {@link #truncated()} and ends the packets; a packet that is not UDP over IPv4 over Ethernet is counted in
 * {@link #skipped()} and skipped.
 */
public final class PcapReader implements AutoCloseable
{
    static final int PCAP_MAGIC_US = 0xA1B2C3D4;
    static final int PCAP_MAGIC_NS = 0xA1B23C4D;
    static final int PCAPNG_SECTION = 0x0A0D0D0A;
    static final int PCAPNG_BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int PCAP_HEADER_LENGTH = 24;
    private static final int PCAP_RECORD_HEADER_LENGTH = 16;
    private static final int LINKTYPE_ETHERNET = 1;
    private static final int MAX_INTERFACES = 256;

    private final Path file;
    private final MappedByteBuffer mapped;
    private final UnsafeBuffer buffer;
    private final long[] ticksPerSecond = new long[MAX_INTERFACES];
    private final int[] linkTypes = new int[MAX_INTERFACES];
    private final boolean pcapng;
    private final UdpPacket packet = new UdpPacket();
    private ByteOrder order;
    private long pcapTicksPerSecond;
    private int pcapLinkType;
    private int interfaces;
    private int position;
    private long truncated;
    private long skipped;

    /** Maps the file and reads its first header; IllegalArgumentException (file and offset) if not a capture. */
    public PcapReader(final Path file) throws IOException
    {
        this.file = file;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            if (channel.size() > Integer.MAX_VALUE)
            {
                throw new IllegalArgumentException(file + ": capture larger than 2 GiB is not supported");
            }
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
        }
        buffer = new UnsafeBuffer(mapped);
        final int magic = buffer.capacity() >= 4 ? buffer.getInt(0, ByteOrder.BIG_ENDIAN) : 0;
        pcapng = magic == PCAPNG_SECTION;
        if (!pcapng && !readPcapHeader())
        {
            close();
            throw notACapture(0, String.format("unknown magic 0x%08x", magic));
        }
    }

    private IllegalArgumentException notACapture(final int offset, final String what)
    {
        return new IllegalArgumentException(file + ": not a pcap or pcapng capture (" + what + " at byte " + offset +
            ")");
    }

    private boolean readPcapHeader()
    {
        if (buffer.capacity() < PCAP_HEADER_LENGTH)
        {
            return false;
        }
        for (final ByteOrder candidate : new ByteOrder[]{ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN})
        {
            final int m = buffer.getInt(0, candidate);
            if (m == PCAP_MAGIC_US || m == PCAP_MAGIC_NS)
            {
                order = candidate;
                pcapTicksPerSecond = m == PCAP_MAGIC_NS ? 1_000_000_000L : 1_000_000L;
                pcapLinkType = buffer.getInt(20, order) & 0xFFFF;
                position = PCAP_HEADER_LENGTH;
                return true;
            }
        }
        return false;
    }

    /**
     * Advances to the next UDP packet.
     *
     * @return the packet (the same instance every time), or null at the end of the file.
     */
    public UdpPacket next()
    {
        while (position < buffer.capacity())
        {
            final boolean udp = pcapng ? nextBlock() : nextRecord();
            if (udp)
            {
                return packet;
            }
        }
        return null;
    }

    private boolean nextRecord()
    {
        if (buffer.capacity() - position < PCAP_RECORD_HEADER_LENGTH)
        {
            return truncate();
        }
        final long seconds = buffer.getInt(position, order) & 0xFFFF_FFFFL;
        final long fraction = buffer.getInt(position + 4, order) & 0xFFFF_FFFFL;
        final int captured = buffer.getInt(position + 8, order);
        final int data = position + PCAP_RECORD_HEADER_LENGTH;
        if (captured < 0 || captured > buffer.capacity() - data)
        {
            return truncate();
        }
        position = data + captured;
        final long timeNs = seconds * 1_000_000_000L + fraction * (1_000_000_000L / pcapTicksPerSecond);
        return link(pcapLinkType, data, captured, timeNs);
    }

    private boolean nextBlock()
    {
        if (buffer.capacity() - position < 12)
        {
            return truncate();
        }
        final int start = position;
        if (buffer.getInt(start, ByteOrder.BIG_ENDIAN) == PCAPNG_SECTION)
        {
            readSectionHeader(start);
        }
        final int type = buffer.getInt(start, order);
        final int length = buffer.getInt(start + 4, order);
        if (length < 12 || (length & 3) != 0)
        {
            throw notACapture(start, "pcapng block of length " + length);
        }
        if (length > buffer.capacity() - start)
        {
            return truncate();
        }
        position = start + length;
        return switch (type)
        {
            case 1 -> readInterface(start, length);
            case 6 -> readEnhancedPacket(start, length);
            case 3 -> readSimplePacket(start, length);
            default -> false;
        };
    }

    private void readSectionHeader(final int start)
    {
        final int bom = buffer.getInt(start + 8, ByteOrder.LITTLE_ENDIAN);
        if (bom == PCAPNG_BYTE_ORDER_MAGIC)
        {
            order = ByteOrder.LITTLE_ENDIAN;
        }
        else if (Integer.reverseBytes(bom) == PCAPNG_BYTE_ORDER_MAGIC)
        {
            order = ByteOrder.BIG_ENDIAN;
        }
        else
        {
            throw notACapture(start + 8, String.format("pcapng byte-order magic 0x%08x", bom));
        }
        interfaces = 0;
    }

    private boolean readInterface(final int start, final int length)
    {
        if (interfaces == MAX_INTERFACES)
        {
            throw notACapture(start, "more than " + MAX_INTERFACES + " pcapng interfaces");
        }
        linkTypes[interfaces] = buffer.getShort(start + 8, order) & 0xFFFF;
        long ticks = 1_000_000L;
        int option = start + 16;
        final int end = start + length - 4;
        while (option + 4 <= end)
        {
            final int code = buffer.getShort(option, order) & 0xFFFF;
            final int optionLength = buffer.getShort(option + 2, order) & 0xFFFF;
            if (code == 0)
            {
                break;
            }
            if (code == 9 && optionLength == 1 && option + 4 < end)
            {
                ticks = resolution(buffer.getByte(option + 4));
            }
            option += 4 + ((optionLength + 3) & ~3);
        }
        ticksPerSecond[interfaces++] = ticks;
        return false;
    }

    /** if_tsresol: high bit clear, 10^-n seconds; set, 2^-n seconds. */
    private static long resolution(final byte tsresol)
    {
        final int n = tsresol & 0x7F;
        if ((tsresol & 0x80) != 0)
        {
            return n >= 62 ? Long.MAX_VALUE : 1L << n;
        }
        long ticks = 1;
        for (int i = 0; i < n && ticks <= Long.MAX_VALUE / 10; i++)
        {
            ticks *= 10;
        }
        return ticks;
    }

    private boolean readEnhancedPacket(final int start, final int length)
    {
        final int iface = buffer.getInt(start + 8, order);
        final int captured = buffer.getInt(start + 20, order);
        if (length < 32 || iface < 0 || iface >= interfaces || captured < 0 || captured > length - 32)
        {
            return skip();
        }
        final long ticks = (buffer.getInt(start + 12, order) & 0xFFFF_FFFFL) << 32 |
            (buffer.getInt(start + 16, order) & 0xFFFF_FFFFL);
        final long perSecond = ticksPerSecond[iface];
        final long timeNs = ticks / perSecond * 1_000_000_000L +
            (long)((double)(ticks % perSecond) * 1e9 / perSecond);
        return link(linkTypes[iface], start + 28, captured, timeNs);
    }

    private boolean readSimplePacket(final int start, final int length)
    {
        if (interfaces == 0 || length < 16)
        {
            return skip();
        }
        final int captured = Math.min(buffer.getInt(start + 8, order), length - 16);
        return captured >= 0 ? link(linkTypes[0], start + 12, captured, 0) : skip();
    }

    private boolean link(final int linkType, final int offset, final int length, final long timeNs)
    {
        if (linkType != LINKTYPE_ETHERNET || !packet.wrapEthernet(buffer, offset, length, timeNs))
        {
            return skip();
        }
        return true;
    }

    private boolean skip()
    {
        skipped++;
        return false;
    }

    private boolean truncate()
    {
        truncated++;
        position = buffer.capacity();
        return false;
    }

    /** Records or blocks cut short by the end of the file (at most one: it ends the packets). */
    public long truncated()
    {
        return truncated;
    }

    /** Packets that were not UDP over IPv4 over Ethernet, or unreadable, skipped. */
    public long skipped()
    {
        return skipped;
    }

    public Path file()
    {
        return file;
    }

    public void close()
    {
        IoUtil.unmap(mapped);
    }
}

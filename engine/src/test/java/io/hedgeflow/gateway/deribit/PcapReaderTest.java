package io.hedgeflow.gateway.deribit;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PcapReaderTest
{
    @TempDir
    Path dir;

    @Test
    void shouldCountATruncatedPcapngAndReadThePacketsBeforeTheCut() throws Exception
    {
        final byte[] whole = Files.readAllBytes(DeribitCaptures.path(DeribitCaptures.SAMPLE));
        final Path cut = dir.resolve("cut.pcapng");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2 + 3));
        try (DeribitFrameSource source = DeribitCaptures.open(cut))
        {
            DeribitCaptures.drain(source, new UnsafeBuffer(new byte[1024]));
            assertEquals(1, source.counters().truncated());
            assertTrue(source.counters().packets() > 2000 && source.counters().packets() < 5066);
            assertEquals(0, source.counters().gaps());
            assertEquals(0, source.counters().malformed());
            assertEquals(1, source.rejected());
        }
    }

    @Test
    void shouldReadABigEndianNanosecondPcapWithVlanTagsAndSkipANonUdpPacket() throws Exception
    {
        final ByteBuffer file = ByteBuffer.allocate(256).order(ByteOrder.BIG_ENDIAN);
        file.putInt(PcapReader.PCAP_MAGIC_NS).putShort((short)2).putShort((short)4).putInt(0).putInt(0)
            .putInt(65_535).putInt(1);
        final byte[] arp = new byte[42];
        arp[12] = 0x08;
        arp[13] = 0x06;
        record(file, 1_686_858_167L, 5, arp);
        record(file, 1_686_858_168L, 123_456_789, udpInVlan(6101, new byte[]{1, 2, 3}));
        final Path pcap = dir.resolve("be.pcap");
        Files.write(pcap, Arrays.copyOf(file.array(), file.position()));
        try (PcapReader reader = new PcapReader(pcap))
        {
            final UdpPacket packet = reader.next();
            assertEquals(6101, packet.destinationPort());
            assertEquals(3, packet.length());
            assertEquals(3, packet.payload().getByte(2));
            assertEquals(1_686_858_168_123_456_789L, packet.timeNs());
            assertNull(reader.next());
            assertEquals(1, reader.skipped());
            assertEquals(0, reader.truncated());
        }
    }

    @Test
    void shouldRefuseAFileThatIsNotACaptureNamingFileAndOffset() throws Exception
    {
        final Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not a capture at all");
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> new PcapReader(text));
        assertTrue(ex.getMessage().startsWith(text + ": not a pcap or pcapng capture"), ex.getMessage());
        assertTrue(ex.getMessage().endsWith("at byte 0)"), ex.getMessage());
    }

    private static void record(final ByteBuffer file, final long seconds, final int nanos, final byte[] frame)
    {
        file.putInt((int)seconds).putInt(nanos).putInt(frame.length).putInt(frame.length).put(frame);
    }

    /** Ethernet, two VLAN tags (802.1ad then 802.1Q), IPv4, UDP to the port, the payload. */
    private static byte[] udpInVlan(final int port, final byte[] payload)
    {
        final ByteBuffer frame = ByteBuffer.allocate(12 + 8 + 2 + 20 + 8 + payload.length).order(ByteOrder.BIG_ENDIAN);
        frame.position(12);
        frame.putShort((short)0x88A8).putShort((short)1).putShort((short)0x8100).putShort((short)2);
        frame.putShort((short)0x0800);
        frame.put((byte)0x45).put((byte)0).putShort((short)(20 + 8 + payload.length)).putInt(0)
            .put((byte)64).put((byte)17).putShort((short)0).putInt(0x0A000001).putInt(0xEF000001);
        frame.putShort((short)40_000).putShort((short)port).putShort((short)(8 + payload.length)).putShort((short)0);
        frame.put(payload);
        return frame.array();
    }
}

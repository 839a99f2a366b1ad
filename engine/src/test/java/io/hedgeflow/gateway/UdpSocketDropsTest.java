package io.hedgeflow.gateway;

import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UdpSocketDropsTest
{
    private static final String TABLE = """
          sl local_address rem_address st tx_queue rx_queue tr tm->when retrnsmt uid timeout inode ref pointer drops
          12: 0100007F:1F90 00000000:0000 07 00000000:00000000 00:00000000 00000000 0 0 101 2 0000000000000000 17
          13: 00000000:1F91 00000000:0000 07 00000000:00000000 00:00000000 00000000 0 0 102 2 0000000000000000 5
          14: 00000000:1F90 00000000:0000 07 00000000:00000000 00:00000000 00000000 0 0 103 2 0000000000000000 3
        """;

    @Test
    void shouldSumTheDropsOfTheSocketsOnThePort()
    {
        assertEquals(20, UdpSocketDrops.parse(TABLE, 0x1F90));
        assertEquals(5, UdpSocketDrops.parse(TABLE, 0x1F91));
        assertEquals(-1, UdpSocketDrops.parse(TABLE, 0x1F92), "no socket on the port");
    }

    @Test
    void shouldCountReceivedDatagramsAndReadTheKernelsDropsOfAnOverflowedSocket() throws IOException
    {
        assumeTrue(Files.isReadable(Path.of("/proc/net/udp")), "Linux only");
        final CountersManager manager = new CountersManager(
            new UnsafeBuffer(BufferUtil.allocateDirectAligned(CountersManager.METADATA_LENGTH * 4, 64)),
            new UnsafeBuffer(BufferUtil.allocateDirectAligned(CountersManager.COUNTER_LENGTH * 4, 64)));
        final AtomicCounter received = manager.newCounter("received");
        try (UdpFrameSource source = new UdpFrameSource(UdpEndpoint.parse("udp://127.0.0.1:0"), 4096, 0);
            DatagramChannel sender = DatagramChannel.open())
        {
            source.countReceivedInto(received);
            assertEquals(0, source.kernelDrops());
            final ByteBuffer datagram = ByteBuffer.allocate(512);
            final InetSocketAddress to = new InetSocketAddress("127.0.0.1", source.localPort());
            for (int i = 0; i < 200; i++)
            {
                sender.send(datagram.clear(), to);
            }
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[1024]);
            long polled = 0;
            while (source.poll(frame, 0, 1024) > 0)
            {
                polled++;
            }
            assertTrue(polled > 0 && polled < 200, "a 4 KiB buffer holds a few datagrams: " + polled);
            assertEquals(polled, received.get());
            assertEquals(200 - polled, source.kernelDrops(), "every datagram not received was dropped by the kernel");
        }
    }
}

package io.hedgeflow.gateway.deribit;

import io.hedgeflow.logic.LogicContext;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real Deribit captures in captures/deribit (tests run from engine/). Missing captures
 * fail the tests: they are part of the build's inputs.
 */
final class DeribitCaptures
{
    static final String SAMPLE = "sample_capture_v1_6.pcapng";
    static final String RFQ = "rfq.pcapng";

    private DeribitCaptures()
    {
    }

    static Path path(final String name)
    {
        final Path path = Path.of("..", "captures", "deribit", name).toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(path), "Deribit capture missing: " + path);
        return path;
    }

    /** A pcap: source of a capture file with the engine's default capacities. */
    static DeribitFrameSource open(final Path capture) throws IOException
    {
        return DeribitFrameSource.open(DeribitFrameSource.PCAP_PREFIX + capture, new int[0], 0, 0, new LogicContext());
    }

    /** The UDP payloads of a capture, each in its own buffer, in capture order. */
    static List<UnsafeBuffer> payloads(final Path capture) throws IOException
    {
        final List<UnsafeBuffer> payloads = new ArrayList<>();
        try (PcapReader reader = new PcapReader(capture))
        {
            for (UdpPacket p = reader.next(); p != null; p = reader.next())
            {
                final byte[] bytes = new byte[p.length()];
                p.payload().getBytes(0, bytes);
                payloads.add(new UnsafeBuffer(bytes));
            }
        }
        return payloads;
    }

    /** Polls a source to its end; returns the frames' count. */
    static int drain(final DeribitFrameSource source, final MutableDirectBuffer buffer)
    {
        int frames = 0;
        int length;
        while ((length = source.poll(buffer, 0, buffer.capacity())) != DeribitFrameSource.END)
        {
            frames += length > 0 ? 1 : 0;
        }
        return frames;
    }
}

package io.hedgeflow.cluster.client;

import io.hedgeflow.framing.FrameHeader;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameResendWindowTest
{
    private static final int CHANNELS = 64;
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);

    @Test
    void shouldReleaseEveryFrameSentBeforeTheAcknowledgedOne()
    {
        final FrameResendWindow window = new FrameResendWindow(4096, 16, CHANNELS);
        add(window, 1, 1, 100);
        add(window, 2, 1, 200);
        add(window, 1, 2, 100);
        add(window, 2, 2, 100);
        add(window, 1, 3, 100);
        window.onAcknowledged(2, 1);
        assertEquals(List.of("1:2", "2:2", "1:3"), held(window));
        window.onAcknowledged(1, 2);
        assertEquals(List.of("2:2", "1:3"), held(window));
        assertEquals(30, window.onAcknowledged(1, 3), "the time the acknowledged frame was added");
        assertTrue(window.isEmpty(), "2:2 was sent before 1:3, so the cluster processed it (accepted or not)");
        assertEquals(FrameResendWindow.NOT_HELD, window.onAcknowledged(2, 2));
        add(window, 2, 3, 100);
        assertEquals(List.of("2:3"), held(window), "channel 2's chain starts again after being emptied");
        window.onAcknowledged(2, 3);
        assertTrue(window.isEmpty());
    }

    @Test
    void shouldKeepFrameBytesIntactAcrossTheRingsWrap()
    {
        final FrameResendWindow window = new FrameResendWindow(1024, 8, CHANNELS);
        for (long s = 1; s <= 40; s++)
        {
            assertTrue(add(window, 3, s, 300));
            assertEquals(s, lastSequence(window), "the copy holds the frame's bytes");
            assertEquals(300, window.length(window.end() - 1));
            window.onAcknowledged(3, s - 2);
            assertTrue(window.size() <= 3);
        }
    }

    @Test
    void shouldRefuseFramesWhenFullUntilAcknowledged()
    {
        final FrameResendWindow window = new FrameResendWindow(1024, 4, CHANNELS);
        assertTrue(add(window, 1, 1, 400));
        assertTrue(add(window, 1, 2, 400));
        assertFalse(add(window, 1, 3, 400), "no room for the bytes");
        window.onAcknowledged(1, 1);
        assertTrue(add(window, 1, 3, 400), "wraps to the ring's start");
        assertFalse(add(window, 2, 1, 40), "the next bytes are still the unacknowledged 1:2");
        window.onAcknowledged(1, 2);
        assertTrue(add(window, 2, 1, 40));
        assertTrue(add(window, 2, 2, 40));
        assertTrue(add(window, 2, 3, 40));
        assertFalse(add(window, 2, 4, 40), "no room for another frame");
        assertFalse(add(window, CHANNELS, 1, 40), "a channel out of range is refused");
        assertEquals(4, window.size());
    }

    @Test
    void shouldMatchAcknowledgementsInSendOrderAcrossAChannelReset()
    {
        final FrameResendWindow window = new FrameResendWindow(4096, 16, CHANNELS);
        add(window, 5, 7, 64);
        add(window, 5, 8, 64);
        add(window, 5, 1, 64);
        add(window, 5, 2, 64);
        add(window, 5, 8, 64);
        window.onAcknowledged(5, 1);
        assertEquals(List.of("5:2", "5:8"), held(window), "7 and 8 came before the reset's 1");
        window.onAcknowledged(5, 7);
        assertEquals(List.of("5:2", "5:8"), held(window), "an acknowledgement of a released frame does nothing");
        window.onAcknowledged(5, 8);
        assertTrue(window.isEmpty());
    }

    @Test
    void shouldRejectCapacitiesThatAreNotPowersOfTwo()
    {
        assertThrows(IllegalArgumentException.class, () -> new FrameResendWindow(3000, 16, CHANNELS));
        assertThrows(IllegalArgumentException.class, () -> new FrameResendWindow(4096, 10, CHANNELS));
    }

    private boolean add(final FrameResendWindow window, final int channel, final long sequence, final int length)
    {
        FrameHeader.write(frame, 0, length, channel, sequence, 0);
        frame.putLong(length - 8, sequence);
        return window.add(frame, 0, length, sequence * 10);
    }

    private static long lastSequence(final FrameResendWindow window)
    {
        final long p = window.end() - 1;
        final long inBody = window.buffer().getLong(window.offset(p) + window.length(p) - 8);
        assertEquals(inBody, FrameHeader.sequence(window.buffer(), window.offset(p)));
        return inBody;
    }

    private static List<String> held(final FrameResendWindow window)
    {
        final List<String> frames = new ArrayList<>();
        for (long p = window.first(); p < window.end(); p++)
        {
            frames.add(FrameHeader.channelId(window.buffer(), window.offset(p)) + ":" +
                FrameHeader.sequence(window.buffer(), window.offset(p)));
        }
        return frames;
    }
}

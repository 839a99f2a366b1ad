package io.hedgeflow.logic;

import io.hedgeflow.framing.FrameChecksum;
import io.hedgeflow.framing.FrameHeader;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * How the fuzz targets read the fuzzer's bytes: a flags byte, then the frame. With bit 0 of the flags set the
 * frame's length field and checksum are made right, so that mutations reach the checks and decoders behind the
 * checksum (a random CRC32C match is 2^-32); with it clear the bytes are fed exactly as given. The frame is copied
 * into a buffer of exactly its length, so any read outside it throws.
 */
final class FuzzFrames
{
    private FuzzFrames()
    {
    }

    static UnsafeBuffer frame(final byte[] data, final FrameChecksum checksum)
    {
        final int length = Math.max(0, data.length - 1);
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[length]);
        if (length > 0)
        {
            frame.putBytes(0, data, 1, length);
        }
        if (length >= FrameHeader.LENGTH && length <= FrameHeader.MAX_FRAME_LENGTH && (data[0] & 1) != 0)
        {
            FrameHeader.frameLength(frame, 0, length);
            checksum.seal(frame, 0, length);
        }
        return frame;
    }
}

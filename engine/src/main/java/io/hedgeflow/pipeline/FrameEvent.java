package io.hedgeflow.pipeline;

import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.logic.HedgeLogic;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A pre-allocated ring slot: the raw input frame as received, its receive time and the time the feed poller had it,
 * and the frames the logic wrote in response. Both areas are off-heap and cache-line aligned; nothing is allocated
 * per event.
 * <pre>
 *   input  [ frame bytes, up to MAX_FRAME_LENGTH ]   inputLength, receiveNs, polledNs
 *   output [ HedgeDecision frame | NewOrder frame ... ]   outputLength
 * </pre>
 */
final class FrameEvent
{
    final UnsafeBuffer input = new UnsafeBuffer(BufferUtil.allocateDirectAligned(FrameHeader.MAX_FRAME_LENGTH, 64));
    final UnsafeBuffer output = new UnsafeBuffer(BufferUtil.allocateDirectAligned(HedgeLogic.MAX_OUTPUT_LENGTH, 64));
    int inputLength;
    long receiveNs;
    long polledNs;
    int outputLength;
}

package io.hedgeflow.sim;

import io.hedgeflow.codecs.BookLevelsDecoder;
import io.hedgeflow.codecs.ExecutionReportDecoder;
import io.hedgeflow.codecs.HeartbeatDecoder;
import io.hedgeflow.codecs.IndexPriceDecoder;
import io.hedgeflow.codecs.InstrumentDefinitionDecoder;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.OptionTickerDecoder;
import io.hedgeflow.codecs.OptionTradeDecoder;
import io.hedgeflow.codecs.QuoteDecoder;
import io.hedgeflow.framing.FrameHeader;
import org.agrona.DirectBuffer;
import org.agrona.sbe.MessageDecoderFlyweight;

/**
 * Test helper: decoders for every message the simulators write, wrapped from a frame.
 */
final class SimFrames
{
    final MessageHeaderDecoder header = new MessageHeaderDecoder();
    final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder();
    final HeartbeatDecoder heartbeat = new HeartbeatDecoder();
    final IndexPriceDecoder index = new IndexPriceDecoder();
    final QuoteDecoder quote = new QuoteDecoder();
    final OptionTickerDecoder ticker = new OptionTickerDecoder();
    final OptionTradeDecoder trade = new OptionTradeDecoder();
    final BookLevelsDecoder book = new BookLevelsDecoder();
    final ExecutionReportDecoder report = new ExecutionReportDecoder();

    /** Wraps the decoder of the frame's template and returns it; fails on an unknown template. */
    MessageDecoderFlyweight wrap(final DirectBuffer buffer, final int offset)
    {
        header.wrap(buffer, offset + FrameHeader.MESSAGE_OFFSET);
        final MessageDecoderFlyweight decoder = switch (header.templateId())
        {
            case InstrumentDefinitionDecoder.TEMPLATE_ID -> definition;
            case HeartbeatDecoder.TEMPLATE_ID -> heartbeat;
            case IndexPriceDecoder.TEMPLATE_ID -> index;
            case QuoteDecoder.TEMPLATE_ID -> quote;
            case OptionTickerDecoder.TEMPLATE_ID -> ticker;
            case OptionTradeDecoder.TEMPLATE_ID -> trade;
            case BookLevelsDecoder.TEMPLATE_ID -> book;
            case ExecutionReportDecoder.TEMPLATE_ID -> report;
            default -> throw new AssertionError("unexpected templateId " + header.templateId());
        };
        decoder.wrap(buffer, offset + FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());
        return decoder;
    }

    /** Frame header plus SBE header plus the body as the decoder reads it, groups included. */
    int decodedFrameLength(final DirectBuffer buffer, final int offset)
    {
        final MessageDecoderFlyweight decoder = wrap(buffer, offset);
        final int body = decoder == book ? book.sbeDecodedLength() : decoder.encodedLength();
        return FrameHeader.MIN_FRAME_LENGTH + body;
    }
}

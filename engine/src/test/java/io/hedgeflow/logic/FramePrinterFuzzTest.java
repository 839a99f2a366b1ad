package io.hedgeflow.logic;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.hedgeflow.framing.FrameChecksum;
import io.hedgeflow.journal.FramePrinter;
import org.agrona.concurrent.UnsafeBuffer;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzz target: the journal's {@link FramePrinter} (what {@code dump} runs) on any bytes, in TEXT, JSON and CSV: it
 * never throws and writes one line (a JSON object for JSON). Here with the engine's fuzz targets because they share
 * {@link FuzzFrames}. Regression inputs: src/test/resources/io/hedgeflow/logic/FramePrinterFuzzTestInputs/print.
 */
class FramePrinterFuzzTest
{
    private final FrameChecksum checksum = new FrameChecksum();
    private final FramePrinter printer = new FramePrinter();
    private final StringBuilder line = new StringBuilder();

    @FuzzTest
    void print(final byte[] data)
    {
        final UnsafeBuffer frame = FuzzFrames.frame(data, checksum);
        for (final FramePrinter.Format format : FramePrinter.Format.values())
        {
            line.setLength(0);
            printer.print(frame, 0, frame.capacity(), 12, 34, format, line);
            final String text = line.toString();
            assertTrue(!text.isEmpty() && text.indexOf('\n') < 0, text);
            assertTrue(format != FramePrinter.Format.JSON || text.startsWith("{") && text.endsWith("}"), text);
        }
    }
}

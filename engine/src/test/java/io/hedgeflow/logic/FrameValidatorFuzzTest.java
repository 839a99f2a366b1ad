package io.hedgeflow.logic;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.hedgeflow.framing.FrameChecksum;
import io.hedgeflow.journal.FramePrinter;
import org.agrona.concurrent.UnsafeBuffer;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Fuzz target: the frame reader. Any bytes through {@link FrameValidator}; a frame it accepts is then decoded, every
 * field of every inbound message type and its group entries, by the journal's printer over a buffer of exactly the
 * frame's length: it must decode (not print as invalid) and never read outside the frame. Regression inputs:
 * src/test/resources/io/hedgeflow/logic/FrameValidatorFuzzTestInputs/validate; fuzzing: scripts/fuzz.
 */
class FrameValidatorFuzzTest
{
    /** How the printer starts the line of a frame it cannot decode (a symbol may well contain " invalid "). */
    private static final String INVALID = "seq=0 stamp=0 invalid ";

    private final FrameChecksum checksum = new FrameChecksum();
    private final FrameValidator validator = new FrameValidator();
    private final FramePrinter printer = new FramePrinter();
    private final StringBuilder line = new StringBuilder();

    @FuzzTest
    void validate(final byte[] data)
    {
        final UnsafeBuffer frame = FuzzFrames.frame(data, checksum);
        final RejectReason reason = validator.validate(frame, 0, frame.capacity(), HedgeLogic.CHANNELS);
        if (reason == null)
        {
            line.setLength(0);
            printer.print(frame, 0, frame.capacity(), 0, 0, FramePrinter.Format.TEXT, line);
            assertFalse(line.toString().startsWith(INVALID), line::toString);
        }
    }
}

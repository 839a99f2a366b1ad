package io.hedgeflow.journal;

/**
 * Layout of one journal record (one Chronicle excerpt), little-endian.
 * <pre>
 *  0                               8                               16
 *  +-------------------------------+-------------------------------+-----------------------------------+
 *  | stamp (int64)                 | sequence (int64)              | frame: FrameHeader + SBE message  |
 *  +-------------------------------+-------------------------------+-----------------------------------+
 * </pre>
 * inputs queue: stamp = receive time in ns (wall clock, for latency measurement only), sequence = ring sequence.
 * decisions queue: stamp = logic time of the triggering input, sequence = ring sequence of that input, so the
 * decision records of a replay are byte-identical to the original session's.
 * The frame is stored exactly as given (at most {@link io.hedgeflow.framing.FrameHeader#MAX_FRAME_LENGTH} bytes).
 */
public final class JournalRecord
{
    /** Offset of the int64 stamp. */
    public static final int STAMP_OFFSET = 0;
    /** Offset of the int64 sequence. */
    public static final int SEQUENCE_OFFSET = 8;
    /** Offset of the frame. */
    public static final int FRAME_OFFSET = 16;
    /** Bytes in front of the frame. */
    public static final int HEADER_LENGTH = FRAME_OFFSET;

    private JournalRecord()
    {
    }
}

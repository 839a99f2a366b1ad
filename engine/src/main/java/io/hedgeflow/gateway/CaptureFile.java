package io.hedgeflow.gateway;

/**
 * Layout of a capture file: frames as they arrived, each in a length-prefixed record. The record length is the
 * reader's only framing: the frame's own frameLength is never used to find the next record, so a corrupt frame
 * (length field included) is handed to the engine as it is, rejected there and counted, and the reader stays in
 * step. A record length that cannot be right (negative, or past the end of the file) ends the stream with one
 * counted reject: nothing after it can be trusted to be a record boundary.
 * <pre>
 *  +--------------------------------+
 *  | magic "HFCAP002" (8 bytes)     |   002: frames with the 32-byte header and CRC32C (001 had 24-byte headers)
 *  +----------------+---------------+-------------------------+
 *  | int32 length   | frame bytes (length bytes) ...          |   repeated
 *  +----------------+-----------------------------------------+
 * </pre>
 * Little-endian. The frame inside a record is not trusted: the engine validates it.
 */
public final class CaptureFile
{
    /** First eight bytes of every capture file. */
    public static final byte[] MAGIC = {'H', 'F', 'C', 'A', 'P', '0', '0', '2'};
    /** Length of the record prefix. */
    public static final int RECORD_HEADER_LENGTH = 4;

    private CaptureFile()
    {
    }
}

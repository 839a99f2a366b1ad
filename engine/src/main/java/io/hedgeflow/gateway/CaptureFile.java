package io.hedgeflow.gateway;

/**
 * Layout of a capture file: frames as they arrived, each in a length-prefixed record, so that a corrupt frame
 * header cannot desynchronise the reader.
 * <pre>
 *  +--------------------------------+
 *  | magic "HFCAP001" (8 bytes)     |
 *  +----------------+---------------+-------------------------+
 *  | int32 length   | frame bytes (length bytes) ...          |   repeated
 *  +----------------+-----------------------------------------+
 * </pre>
 * Little-endian. The frame inside a record is not trusted: the engine validates it.
 */
public final class CaptureFile
{
    /** First eight bytes of every capture file. */
    public static final byte[] MAGIC = {'H', 'F', 'C', 'A', 'P', '0', '0', '1'};
    /** Length of the record prefix. */
    public static final int RECORD_HEADER_LENGTH = 4;

    private CaptureFile()
    {
    }
}

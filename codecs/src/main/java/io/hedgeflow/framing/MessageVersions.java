package io.hedgeflow.framing;

import io.hedgeflow.codecs.MessageHeaderDecoder;
import org.agrona.sbe.MessageDecoderFlyweight;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Block lengths of the messages in each schema version, for readers that accept older and newer versions.
 * <pre>
 *   version 1 block  | engaged |
 *   version 2 block  | engaged | origin |          fields are only appended, each with sinceVersion
 *   version 3 block  | engaged | origin | ... |     (a newer writer's block: read the prefix we know, skip the rest)
 * </pre>
 * So the block of version v ends where the first field added after v begins, and a frame of version v is
 * consistent only if its blockLength is at least that. The figures come from the generated decoders'
 * {@code *SinceVersion()} and {@code *EncodingOffset()} methods, read once by reflection when a reader builds its
 * table, never per message.
 */
public final class MessageVersions
{
    /** The first schema version; version 0 is never valid. */
    public static final int FIRST_VERSION = 1;
    /** The schema version this code writes. */
    public static final int CURRENT_VERSION = MessageHeaderDecoder.SCHEMA_VERSION;

    private static final String SINCE_VERSION = "SinceVersion";

    private MessageVersions()
    {
    }

    /**
     * @param decoder a generated message decoder class.
     * @param version a schema version, at least {@link #FIRST_VERSION}.
     * @return the block length of the message in that version; the current one for the current or a newer version.
     */
    public static int blockLength(final Class<? extends MessageDecoderFlyweight> decoder, final int version)
    {
        try
        {
            int length = decoder.getField("BLOCK_LENGTH").getInt(null);
            for (final Method since : decoder.getDeclaredMethods())
            {
                final String name = since.getName();
                if (Modifier.isStatic(since.getModifiers()) && since.getParameterCount() == 0 &&
                    name.endsWith(SINCE_VERSION) && (int)since.invoke(null) > version)
                {
                    final String field = name.substring(0, name.length() - SINCE_VERSION.length());
                    length = Math.min(length, encodingOffset(decoder, field, length));
                }
            }
            return length;
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException("not a generated SBE decoder: " + decoder.getName(), ex);
        }
    }

    /** Offset of a block field; for a group or variable-length field (after the block) the block length itself. */
    private static int encodingOffset(
        final Class<? extends MessageDecoderFlyweight> decoder, final String field, final int blockLength)
        throws ReflectiveOperationException
    {
        for (final Method method : decoder.getDeclaredMethods())
        {
            if (method.getName().equals(field + "EncodingOffset") && method.getParameterCount() == 0)
            {
                return (int)method.invoke(null);
            }
        }
        return blockLength;
    }
}

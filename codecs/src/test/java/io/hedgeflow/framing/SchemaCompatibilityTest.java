package io.hedgeflow.framing;

import io.hedgeflow.codecs.KillSwitchDecoder;
import io.hedgeflow.codecs.KillSwitchEncoder;
import io.hedgeflow.codecs.KillSwitchOrigin;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.sbe.MessageDecoderFlyweight;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Schema evolution both ways, for every message of the frozen version-1 schema (src/test/resources, generated into
 * io.hedgeflow.codecs.v1): the current decoders read version-1 bodies (shorter blocks, newer fields null) and the
 * version-1 decoders read current bodies (longer blocks skipped by blockLength), field for field, repeating groups
 * included. Bodies are seeded random bytes, so every field value is exercised, enums through their raw value.
 */
class SchemaCompatibilityTest
{
    private static final String V1_SCHEMA = "/hedgeflow-schema-v1.xml";
    private static final String V1_PACKAGE = "io.hedgeflow.codecs.v1.";
    private static final String CURRENT_PACKAGE = "io.hedgeflow.codecs.";
    private static final int GROUP_ENTRIES = 3;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
    private final SplittableRandom random = new SplittableRandom(2);

    @Test
    void shouldBeVersionThreeWithTheSameSchemaIdAsVersionOne()
    {
        assertEquals(3, MessageHeaderDecoder.SCHEMA_VERSION);
        assertEquals(1, io.hedgeflow.codecs.v1.MessageHeaderDecoder.SCHEMA_VERSION);
        assertEquals(io.hedgeflow.codecs.v1.MessageHeaderDecoder.SCHEMA_ID, MessageHeaderDecoder.SCHEMA_ID);
    }

    @Test
    void shouldReadEveryVersionOneMessageWithTheCurrentDecoders() throws Exception
    {
        for (final Element message : messages())
        {
            final MessageDecoderFlyweight v1 = decoder(V1_PACKAGE, message);
            final MessageDecoderFlyweight current = decoder(CURRENT_PACKAGE, message);
            final int blockLength = v1.sbeBlockLength();
            fill(message, blockLength, groupBlockLength(v1, message));

            v1.wrap(buffer, 0, blockLength, 1);
            current.wrap(buffer, 0, blockLength, 1);

            assertEquals(fields(v1, message), fields(current, message), message.getAttribute("name"));
            assertEquals(blockLength, MessageVersions.blockLength(current.getClass(), 1), message.getAttribute("name"));
        }
    }

    @Test
    void shouldReadEveryCurrentMessageWithTheVersionOneDecoders() throws Exception
    {
        for (final Element message : messages())
        {
            final MessageDecoderFlyweight v1 = decoder(V1_PACKAGE, message);
            final MessageDecoderFlyweight current = decoder(CURRENT_PACKAGE, message);
            final int blockLength = current.sbeBlockLength();
            fill(message, blockLength, groupBlockLength(current, message));

            v1.wrap(buffer, 0, blockLength, MessageHeaderDecoder.SCHEMA_VERSION);
            current.wrap(buffer, 0, blockLength, MessageHeaderDecoder.SCHEMA_VERSION);

            assertEquals(fields(current, message), fields(v1, message), message.getAttribute("name"));
        }
    }

    @Test
    void shouldReadTheKillSwitchOriginAsNullFromVersionOneAndLetVersionOneSkipIt()
    {
        final KillSwitchEncoder encoder = new KillSwitchEncoder().wrap(buffer, 0);
        encoder.engaged((short)1).origin(KillSwitchOrigin.STAGE_ERROR);

        final KillSwitchDecoder asV1 = new KillSwitchDecoder().wrap(buffer, 0, 1, 1);
        assertEquals(1, asV1.engaged());
        assertEquals(KillSwitchOrigin.NULL_VAL, asV1.origin());
        assertEquals(1, asV1.encodedLength());

        final io.hedgeflow.codecs.v1.KillSwitchDecoder old =
            new io.hedgeflow.codecs.v1.KillSwitchDecoder().wrap(buffer, 0, KillSwitchEncoder.BLOCK_LENGTH, 2);
        assertEquals(1, old.engaged());
        assertEquals(KillSwitchEncoder.BLOCK_LENGTH, old.encodedLength(), "the newer field is skipped");
        assertTrue(KillSwitchEncoder.BLOCK_LENGTH > io.hedgeflow.codecs.v1.KillSwitchEncoder.BLOCK_LENGTH);
        assertEquals(io.hedgeflow.codecs.v1.KillSwitchEncoder.BLOCK_LENGTH,
            MessageVersions.blockLength(KillSwitchDecoder.class, 1));
        assertEquals(KillSwitchEncoder.BLOCK_LENGTH, MessageVersions.blockLength(KillSwitchDecoder.class, 7));
    }

    /** Random block bytes, then for a message with a group a group header and random entries. */
    private void fill(final Element message, final int blockLength, final int groupBlockLength)
    {
        for (int i = 0; i < buffer.capacity(); i++)
        {
            buffer.putByte(i, (byte)random.nextInt(256));
        }
        if (groupBlockLength > 0)
        {
            buffer.putShort(blockLength, (short)groupBlockLength, ByteOrder.LITTLE_ENDIAN);
            buffer.putShort(blockLength + 2, (short)GROUP_ENTRIES, ByteOrder.LITTLE_ENDIAN);
        }
        assertTrue(blockLength + 4 + groupBlockLength * GROUP_ENTRIES < buffer.capacity(),
            message.getAttribute("name"));
    }

    /** Entry length of the message's repeating group in this decoder's version, 0 without a group. */
    private static int groupBlockLength(final MessageDecoderFlyweight decoder, final Element message) throws Exception
    {
        final NodeList groups = message.getElementsByTagName("group");
        if (groups.getLength() == 0)
        {
            return 0;
        }
        assertEquals(1, groups.getLength(), "one group per message in this test");
        final String name = ((Element)groups.item(0)).getAttribute("name");
        for (final Class<?> nested : decoder.getClass().getDeclaredClasses())
        {
            if (nested.getSimpleName().equalsIgnoreCase(name + "Decoder"))
            {
                return (int)nested.getMethod("sbeBlockLength").invoke(null);
            }
        }
        throw new AssertionError("no decoder for group " + name);
    }

    /** The values of the fields (and group entries) of the version-1 schema, as strings, read through a decoder. */
    private static List<String> fields(final Object decoder, final Element owner) throws Exception
    {
        final List<String> values = new ArrayList<>();
        for (Node child = owner.getFirstChild(); child != null; child = child.getNextSibling())
        {
            if (child instanceof Element element && element.getTagName().equals("field"))
            {
                values.add(element.getAttribute("name") + "=" + read(decoder, element.getAttribute("name")));
            }
            else if (child instanceof Element element && element.getTagName().equals("group"))
            {
                final Object group = decoder.getClass().getMethod(element.getAttribute("name")).invoke(decoder);
                final Method hasNext = group.getClass().getMethod("hasNext");
                final Method next = group.getClass().getMethod("next");
                int entries = 0;
                while ((boolean)hasNext.invoke(group))
                {
                    values.addAll(fields(next.invoke(group), element));
                    entries++;
                }
                assertEquals(GROUP_ENTRIES, entries);
            }
        }
        assertFalse(values.isEmpty());
        return values;
    }

    /** An enum field through its raw value (an unknown value must not throw), any other through its getter. */
    private static Object read(final Object decoder, final String field) throws Exception
    {
        for (final Method method : decoder.getClass().getMethods())
        {
            if (method.getName().equals(field + "Raw") && method.getParameterCount() == 0)
            {
                return method.invoke(decoder);
            }
        }
        return decoder.getClass().getMethod(field).invoke(decoder);
    }

    private static MessageDecoderFlyweight decoder(final String packageName, final Element message) throws Exception
    {
        return (MessageDecoderFlyweight)Class.forName(packageName + message.getAttribute("name") + "Decoder")
            .getConstructor().newInstance();
    }

    private static List<Element> messages() throws Exception
    {
        final Document schema;
        try (InputStream in = SchemaCompatibilityTest.class.getResourceAsStream(V1_SCHEMA))
        {
            final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            schema = factory.newDocumentBuilder().parse(in);
        }
        final NodeList nodes = schema.getElementsByTagName("sbe:message");
        final List<Element> messages = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++)
        {
            messages.add((Element)nodes.item(i));
        }
        assertEquals(16, messages.size(), "every message of version 1");
        return messages;
    }
}

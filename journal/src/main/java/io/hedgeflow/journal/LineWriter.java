package io.hedgeflow.journal;

import io.hedgeflow.framing.Fixed8;
import org.agrona.DirectBuffer;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes one printed line field by field, as {@code key=value} words separated by spaces (text) or as one JSON
 * object (json), into a {@link StringBuilder}. Fixed8 mantissas print as exact decimals, times as ISO-8601 UTC
 * with nanoseconds, strings escaped for JSON. Not thread safe; no line terminator is written.
 */
final class LineWriter
{
    private static final DateTimeFormatter TIME =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private StringBuilder out;
    private boolean json;
    private boolean separate;

    void begin(final StringBuilder out, final boolean json)
    {
        this.out = out;
        this.json = json;
        this.separate = false;
        if (json)
        {
            out.append('{');
        }
    }

    void end()
    {
        if (json)
        {
            out.append('}');
        }
    }

    boolean json()
    {
        return json;
    }

    /** A bare word in text (the message type); not used for JSON. */
    void word(final String word)
    {
        separator();
        out.append(word);
        separate = true;
    }

    void longField(final String name, final long value)
    {
        key(name);
        out.append(value);
    }

    void fixed8Field(final String name, final long mantissa)
    {
        key(name);
        appendFixed8(out, mantissa);
    }

    /** A Fixed8 that may be absent: null (in text and JSON) for the NULL mantissa, the int64 minimum. */
    void optionalFixed8Field(final String name, final long mantissa)
    {
        if (mantissa == Long.MIN_VALUE)
        {
            key(name);
            out.append("null");
        }
        else
        {
            fixed8Field(name, mantissa);
        }
    }

    void doubleField(final String name, final double value)
    {
        key(name);
        if (json && !Double.isFinite(value))
        {
            out.append('"').append(value).append('"');
        }
        else
        {
            out.append(value);
        }
    }

    void stringField(final String name, final String value)
    {
        key(name);
        quoteIfJson();
        for (int i = 0; i < value.length(); i++)
        {
            appendChar(value.charAt(i));
        }
        quoteIfJson();
    }

    /** ASCII bytes with trailing spaces and NULs trimmed, as in space-padded SBE char arrays. */
    void asciiField(final String name, final DirectBuffer buffer, final int offset, final int length)
    {
        int end = length;
        while (end > 0 && (buffer.getByte(offset + end - 1) == ' ' || buffer.getByte(offset + end - 1) == 0))
        {
            end--;
        }
        key(name);
        quoteIfJson();
        for (int i = 0; i < end; i++)
        {
            appendChar((char)(buffer.getByte(offset + i) & 0xFF));
        }
        quoteIfJson();
    }

    /** Text only: nanoseconds since the epoch as ISO-8601 UTC. */
    void timeField(final String name, final long timeNs)
    {
        key(name);
        TIME.formatTo(
            Instant.ofEpochSecond(Math.floorDiv(timeNs, NANOS_PER_SECOND), Math.floorMod(timeNs, NANOS_PER_SECOND)),
            out);
    }

    void beginGroup(final String name)
    {
        key(name);
        out.append('[');
        separate = false;
    }

    void beginEntry()
    {
        separator();
        out.append('{');
        separate = false;
    }

    void endEntry()
    {
        out.append('}');
        separate = true;
    }

    void endGroup()
    {
        out.append(']');
        separate = true;
    }

    /** Appends a Fixed8 mantissa as its exact decimal value, without trailing zeros: 10000050000000 is 100000.5. */
    static void appendFixed8(final StringBuilder out, final long mantissa)
    {
        final long whole = mantissa / Fixed8.ONE;
        final long fraction = Math.abs(mantissa % Fixed8.ONE);
        if (mantissa < 0)
        {
            out.append('-');
        }
        out.append(Math.abs(whole));
        if (fraction != 0)
        {
            out.append('.');
            long rest = fraction;
            for (long unit = Fixed8.ONE / 10; rest != 0; unit /= 10)
            {
                out.append((char)('0' + rest / unit));
                rest %= unit;
            }
        }
    }

    private void key(final String name)
    {
        separator();
        if (json)
        {
            out.append('"').append(name).append("\":");
        }
        else
        {
            out.append(name).append('=');
        }
        separate = true;
    }

    private void separator()
    {
        if (separate)
        {
            out.append(json ? ',' : ' ');
        }
    }

    private void quoteIfJson()
    {
        if (json)
        {
            out.append('"');
        }
    }

    private void appendChar(final char c)
    {
        if (json && (c == '"' || c == '\\'))
        {
            out.append('\\').append(c);
        }
        else if (c >= 0x20 && c < 0x7F)
        {
            out.append(c);
        }
        else
        {
            out.append("\\u");
            for (int shift = 12; shift >= 0; shift -= 4)
            {
                out.append(Character.forDigit(c >> shift & 0xF, 16));
            }
        }
    }
}

package io.hedgeflow.journal;

import org.agrona.DirectBuffer;

/**
 * Which data records {@code dump} prints: a range of record sequences, a set of message types and an instrument,
 * each optional (all records match by default). Setters return this. A frame that cannot be decoded matches only
 * when neither types nor an instrument are asked for. Garbage-free {@link #matches}; one thread.
 */
public final class RecordFilter
{
    private final MessageDecoders decoders = new MessageDecoders();
    private final boolean[] types = new boolean[MessageDecoders.MAX_TEMPLATE_ID + 1];
    private long fromSequence = Long.MIN_VALUE;
    private long toSequence = Long.MAX_VALUE;
    private boolean anyType = true;
    private long instrumentId = MessageDecoders.NO_INSTRUMENT;

    /**
     * @param sequence lowest record sequence to match, inclusive.
     * @return this.
     */
    public RecordFilter fromSequence(final long sequence)
    {
        fromSequence = sequence;
        return this;
    }

    /**
     * @param sequence highest record sequence to match, inclusive.
     * @return this.
     */
    public RecordFilter toSequence(final long sequence)
    {
        toSequence = sequence;
        return this;
    }

    /**
     * @param names message type names of the schema, such as {@code Quote} or {@code HedgeDecision}.
     * @return this.
     * @throws IllegalArgumentException naming the valid types if a name is not one.
     */
    public RecordFilter types(final Iterable<String> names)
    {
        for (final String name : names)
        {
            final int templateId = decoders.templateIdOf(name);
            if (templateId < 0)
            {
                throw new IllegalArgumentException(
                    "unknown message type '" + name + "' (one of " + decoders.typeNames() + ")");
            }
            types[templateId] = true;
            anyType = false;
        }
        return this;
    }

    /**
     * @param id instrument to match: the instrumentId field of a message, or hedgeInstrumentId of a HedgeDecision.
     * @return this.
     */
    public RecordFilter instrument(final long id)
    {
        instrumentId = id;
        return this;
    }

    /**
     * @param buffer   holding the frame.
     * @param offset   of the frame in buffer.
     * @param length   of the frame.
     * @param sequence of the record.
     * @return true if the record matches every condition set.
     */
    public boolean matches(final DirectBuffer buffer, final int offset, final int length, final long sequence)
    {
        if (sequence < fromSequence || sequence > toSequence)
        {
            return false;
        }
        if (anyType && instrumentId == MessageDecoders.NO_INSTRUMENT)
        {
            return true;
        }
        return null == decoders.wrap(buffer, offset, length) &&
            (anyType || types[decoders.templateId()]) &&
            (instrumentId == MessageDecoders.NO_INSTRUMENT || decoders.instrumentId() == instrumentId);
    }
}

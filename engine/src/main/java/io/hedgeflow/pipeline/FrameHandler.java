package io.hedgeflow.pipeline;

import io.hedgeflow.codecs.KillSwitchEncoder;
import io.hedgeflow.codecs.KillSwitchOrigin;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.framing.FrameChecksum;
import io.hedgeflow.framing.FrameEncoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.journal.JournalWriteException;
import io.hedgeflow.sim.SimExchange;
import org.HdrHistogram.Histogram;

import java.nio.ByteOrder;

/**
 * The processing side of the duty cycle, one implementation for every threading mode: takes each frame from the
 * feed, closes the loop with the simulated exchange in logic time, and runs the stages on every input in order
 * (input journal, logic, order publisher), each input at the next journal sequence.
 * <pre>
 *   feed frame at time T
 *     1. the exchange's execution reports due by T, each an input (their orders reach the exchange at once)
 *     2. the exchange sees the market frame, then the frame is an input
 *   input: InputJournalHandler ─► LogicHandler ─► OrderPublishHandler ─► SimExchange.onOrder (or the gateway)
 * </pre>
 * Orders reach the exchange on this thread right after the input that made them, so the input sequence depends on
 * the feed alone, whatever the threads. A damaged frame is an input at the time of the input before it, for the
 * logic to journal, reject and count; the exchange never sees it. A frame the journal already holds (a source
 * replaying after a restart) goes to the exchange only. An exception in a stage skips the later stages of that
 * input, is counted, and engages the kill switch with a journaled KillSwitch input on the control channel; so does
 * a Reconciliation with the venue that found a position beyond the tolerance (origin RECONCILIATION). A
 * journal write error instead faults the {@link JournalFault}: from then on nothing is processed (fail closed).
 */
final class FrameHandler
{
    /** Channel of the control frames the engine injects (kill switch on a stage exception or operator command). */
    static final int CONTROL_CHANNEL = 3;
    /** Feed frames of template ids below this have their own service histogram ({@link #serviceByTemplate}). */
    static final int TEMPLATE_HISTOGRAMS = 32;
    private static final long MAX_RECORDED_NS = 10_000_000_000L;
    /** Per-template service histograms keep 2 significant digits (1 % resolution): 32 of them stay small. */
    private static final int TEMPLATE_DIGITS = 2;
    private static final int TEMPLATE_OFFSET = FrameHeader.MESSAGE_OFFSET +
        MessageHeaderDecoder.templateIdEncodingOffset();

    private final InputJournalHandler journaler;
    private final LogicHandler logic;
    private final OrderPublishHandler publisher;
    private final SimExchange exchange;
    private final PipelineExceptionHandler errors;
    private final JournalFault fault;
    private final long[] processedThrough;
    private final FrameEvent report = new FrameEvent();
    private final FrameEvent control = new FrameEvent();
    private final FrameChecksum checksum = new FrameChecksum();
    private final FrameEncoder controlEncoder = new FrameEncoder();
    private final KillSwitchEncoder killSwitch = new KillSwitchEncoder();
    private final Histogram latency = new Histogram(MAX_RECORDED_NS, 3);
    private final Histogram service = new Histogram(MAX_RECORDED_NS, 3);
    private final Histogram[] serviceByTemplate = new Histogram[TEMPLATE_HISTOGRAMS];
    private volatile boolean measuring;
    private long controlSequence;
    private long nextSequence;
    private long lastTimeNs = Long.MIN_VALUE;

    FrameHandler(
        final InputJournalHandler journaler,
        final LogicHandler logic,
        final OrderPublishHandler publisher,
        final SimExchange exchange,
        final PipelineExceptionHandler errors,
        final JournalFault fault,
        final long[] processedThrough,
        final long nextSequence)
    {
        this.journaler = journaler;
        this.logic = logic;
        this.publisher = publisher;
        this.exchange = exchange;
        this.errors = errors;
        this.fault = fault;
        this.processedThrough = processedThrough;
        this.controlSequence = processedThrough[CONTROL_CHANNEL];
        this.nextSequence = nextSequence;
        for (int t = 0; t < serviceByTemplate.length; t++)
        {
            serviceByTemplate[t] = new Histogram(MAX_RECORDED_NS, TEMPLATE_DIGITS);
        }
    }

    /**
     * Handles one frame from the feed; event.receiveNs is its receive (or intended) time.
     *
     * @param takeNs when this thread took the frame: the poller's clock read on the same thread (SHARED), or a
     *               fresh one when the frame crossed the ring (DEDICATED).
     */
    void onFeedFrame(final FrameEvent event, final long takeNs)
    {
        if (fault.faulted())
        {
            return;
        }
        final int length = event.inputLength;
        if (!intact(event, length))
        {
            onInput(event);
        }
        else if (alreadyProcessed(event))
        {
            exchange.onMarketFrame(event.input, 0, length);
        }
        else
        {
            final long timeNs = Math.max(lastTimeNs, FrameHeader.sendingTimeNs(event.input, 0));
            int reportLength;
            while ((reportLength = exchange.poll(timeNs, report.input, 0)) > 0)
            {
                report.inputLength = reportLength;
                report.receiveNs = takeNs;
                lastTimeNs = FrameHeader.sendingTimeNs(report.input, 0);
                onInput(report);
            }
            exchange.onMarketFrame(event.input, 0, length);
            lastTimeNs = timeNs;
            onInput(event);
        }
        if (measuring)
        {
            final long doneNs = System.nanoTime();
            latency.recordValue(Math.min(MAX_RECORDED_NS, Math.max(0L, doneNs - event.receiveNs)));
            final long serviceNs = Math.min(MAX_RECORDED_NS, doneNs - takeNs);
            service.recordValue(serviceNs);
            if (length >= FrameHeader.MIN_FRAME_LENGTH)
            {
                final int templateId = event.input.getShort(TEMPLATE_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
                if (templateId < TEMPLATE_HISTOGRAMS)
                {
                    serviceByTemplate[templateId].recordValue(serviceNs);
                }
            }
        }
    }

    /** Engages (or releases) the kill switch on an operator command, through a journaled control input. */
    void onOperatorCommand(final boolean engaged)
    {
        injectKillSwitch(engaged, KillSwitchOrigin.OPERATOR);
    }

    /**
     * End of a batch of feed frames, with backlog frames still waiting (0 without a ring): the batch's inputs, then
     * its decisions, reach the journal (one excerpt each), before the logic's snapshot may cover them.
     */
    void onBatchEnd(final long backlog)
    {
        try
        {
            journaler.onBatchEnd(backlog);
            publisher.onBatchEnd();
            logic.onBatchEnd(nextSequence - 1, backlog);
        }
        catch (final Throwable ex)
        {
            onStageError(ex);
        }
    }

    /**
     * A duty cycle without a feed frame: the journals touch their next pages ahead of the writers, one page each at
     * most, so the page faults of new journal pages fall into idle time rather than into a frame's path, and the
     * logic's rare inputs' working set is kept warm ({@link LogicHandler#onIdle}).
     */
    void onIdle()
    {
        if (fault.faulted())
        {
            return;
        }
        try
        {
            journaler.onIdle();
            publisher.onIdle();
            logic.onIdle();
        }
        catch (final Throwable ex)
        {
            onStageError(ex);
        }
    }

    /** Latency and service time are recorded from the next feed frame on. */
    void startMeasuring()
    {
        measuring = true;
    }

    /** Tick-to-decision: receive (or intended) time of a feed frame to the end of its processing, ns. */
    Histogram latency()
    {
        return latency;
    }

    /** Service time: from taking a feed frame to the end of its processing (its reports included), ns. */
    Histogram service()
    {
        return service;
    }

    /**
     * Service time by the feed frame's SBE template id (index; ids from {@link #TEMPLATE_HISTOGRAMS} on, and frames
     * too short to carry one, only in {@link #service()}), ns, 2 significant digits.
     */
    Histogram[] serviceByTemplate()
    {
        return serviceByTemplate;
    }

    private void onInput(final FrameEvent event)
    {
        if (fault.faulted())
        {
            return;
        }
        final long sequence = nextSequence++;
        try
        {
            journaler.onInput(event, sequence);
            logic.onInput(event, sequence);
            publisher.onInput(event, sequence);
        }
        catch (final Throwable ex)
        {
            onStageError(ex);
            if (event != control)
            {
                injectKillSwitch(true, KillSwitchOrigin.STAGE_ERROR);
            }
            return;
        }
        if (logic.killSwitchChanged())
        {
            publisher.onKillSwitch(logic.killSwitchEngaged());
        }
        if (logic.positionBreached())
        {
            injectKillSwitch(true, KillSwitchOrigin.RECONCILIATION);
        }
    }

    /** A journal write error faults the journal (fail closed); any other error is recorded. */
    private void onStageError(final Throwable ex)
    {
        if (ex instanceof JournalWriteException)
        {
            fault.fault(ex.getMessage());
        }
        else
        {
            errors.record(ex);
        }
    }

    private void injectKillSwitch(final boolean engaged, final KillSwitchOrigin origin)
    {
        controlEncoder.begin(control.input, 0, killSwitch, CONTROL_CHANNEL, ++controlSequence, lastTimeNs);
        killSwitch.engaged((short)(engaged ? 1 : 0)).origin(origin);
        control.inputLength = controlEncoder.end(killSwitch);
        control.receiveNs = System.nanoTime();
        onInput(control);
        commit();
    }

    /** Commits the staged inputs and decisions at once: a control input (rare) is in the journal when handled. */
    private void commit()
    {
        if (fault.faulted())
        {
            return;
        }
        try
        {
            publisher.commit();
        }
        catch (final Throwable ex)
        {
            onStageError(ex);
        }
    }

    /** True when the frame's length and checksum hold, so its header can be trusted. */
    private boolean intact(final FrameEvent event, final int length)
    {
        return length >= FrameHeader.MIN_FRAME_LENGTH && length <= FrameHeader.MAX_FRAME_LENGTH &&
            FrameHeader.frameLength(event.input, 0) == length && checksum.matches(event.input, 0, length);
    }

    /** True for a frame the journal already holds, from a source replaying from its start after a restart. */
    private boolean alreadyProcessed(final FrameEvent event)
    {
        final int channel = FrameHeader.channelId(event.input, 0);
        return channel >= 0 && channel < processedThrough.length &&
            FrameHeader.sequence(event.input, 0) <= processedThrough[channel];
    }
}

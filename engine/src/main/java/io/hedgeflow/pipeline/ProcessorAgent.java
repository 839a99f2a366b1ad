package io.hedgeflow.pipeline;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import org.agrona.concurrent.Agent;

/**
 * The DEDICATED processor: takes frames from the Disruptor ring (up to {@link DutyCycleAgent#BATCH} per duty cycle)
 * and hands each to the {@link FrameHandler}, then does the batch's end work and polls the operator endpoint. Runs
 * on its own thread under an {@code AgentRunner} with the processor's idle strategy.
 */
final class ProcessorAgent implements Agent, EventPoller.Handler<FrameEvent>
{
    private final RingBuffer<FrameEvent> ring;
    private final EventPoller<FrameEvent> poller;
    private final FrameHandler handler;
    private final OperatorControl operator;
    private long current = -1;
    private int work;

    ProcessorAgent(final RingBuffer<FrameEvent> ring, final FrameHandler handler, final OperatorControl operator)
    {
        this.ring = ring;
        this.handler = handler;
        this.operator = operator;
        poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
    }

    public int doWork() throws Exception
    {
        work = 0;
        poller.poll(this);
        if (work > 0)
        {
            handler.onBatchEnd(ring.getCursor() - current);
        }
        else
        {
            handler.onIdle();
        }
        return operator != null ? work + operator.doWork(handler, work) : work;
    }

    public boolean onEvent(final FrameEvent event, final long sequence, final boolean endOfBatch)
    {
        current = sequence;
        handler.onFeedFrame(event, System.nanoTime());
        return ++work < DutyCycleAgent.BATCH;
    }

    /** The ring sequence of the last frame fully processed; any thread. */
    long processed()
    {
        return poller.getSequence().get();
    }

    public String roleName()
    {
        return "hedgeflow-processor";
    }
}

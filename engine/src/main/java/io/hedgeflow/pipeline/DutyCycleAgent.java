package io.hedgeflow.pipeline;

import org.agrona.concurrent.Agent;

/**
 * The whole engine on one thread (SHARED on the caller's thread, INVOKER driven by the caller): each duty cycle
 * takes up to {@link #BATCH} frames from the feed and handles each at once, then does the batch's end work (or, with
 * no frame, the idle work: journal pages touched ahead of the writer) and polls the operator endpoint. Nothing crosses threads: the slot is reused for every frame.
 */
final class DutyCycleAgent implements Agent
{
    /** Most feed frames handled in one duty cycle, so the control endpoint and batch work are never starved. */
    static final int BATCH = 64;

    private final FeedPoller feed;
    private final FrameHandler handler;
    private final OperatorControl operator;
    private final FrameEvent slot = new FrameEvent();

    DutyCycleAgent(final FeedPoller feed, final FrameHandler handler, final OperatorControl operator)
    {
        this.feed = feed;
        this.handler = handler;
        this.operator = operator;
    }

    public int doWork()
    {
        int work = 0;
        while (work < BATCH && feed.poll(slot) > 0)
        {
            handler.onFeedFrame(slot, slot.polledNs);
            work++;
        }
        if (work > 0)
        {
            handler.onBatchEnd(0);
        }
        else
        {
            handler.onIdle();
        }
        return operator != null ? work + operator.doWork(handler, work) : work;
    }

    public String roleName()
    {
        return "hedgeflow-duty-cycle";
    }
}

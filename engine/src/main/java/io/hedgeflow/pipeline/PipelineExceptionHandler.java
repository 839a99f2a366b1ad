package io.hedgeflow.pipeline;

import com.lmax.disruptor.ExceptionHandler;
import io.hedgeflow.status.EngineCounters;

/**
 * Replaces the Disruptor's fatal default: an exception in a stage is counted, written to the distinct error log
 * of the counters file, and the first one kept for the report; the feed poller then engages the kill switch with
 * a journaled KillSwitch input; the stage goes on with the next event and the run ends with a runtime failure.
 */
final class PipelineExceptionHandler implements ExceptionHandler<FrameEvent>
{
    private final EngineCounters counters;
    private volatile long errors;
    private volatile Throwable first;

    PipelineExceptionHandler(final EngineCounters counters)
    {
        this.counters = counters;
    }

    public void handleEventException(final Throwable ex, final long sequence, final FrameEvent event)
    {
        record(ex);
    }

    public void handleOnStartException(final Throwable ex)
    {
        record(ex);
    }

    public void handleOnShutdownException(final Throwable ex)
    {
        record(ex);
    }

    private synchronized void record(final Throwable ex)
    {
        if (first == null)
        {
            first = ex;
        }
        errors = errors + 1;
        counters.onError(ex);
    }

    long errors()
    {
        return errors;
    }

    Throwable first()
    {
        return first;
    }
}

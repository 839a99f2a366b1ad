package io.hedgeflow.pipeline;

import com.lmax.disruptor.ExceptionHandler;

/**
 * Replaces the Disruptor's fatal default: an exception in a stage is counted and the first one kept for the
 * report; the stage goes on with the next event and the run ends with a runtime failure.
 */
final class PipelineExceptionHandler implements ExceptionHandler<FrameEvent>
{
    private volatile long errors;
    private volatile Throwable first;

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

package io.hedgeflow.pipeline;

import io.hedgeflow.status.EngineCounters;
import org.agrona.ErrorHandler;

/**
 * Where exceptions of the engine's threads go: counted, written to the distinct error log of the counters file, and
 * the first one kept for the report. A stage exception also engages the kill switch ({@link FrameHandler}); the
 * duty cycle goes on with the next input and the run ends with a runtime failure.
 */
final class PipelineExceptionHandler implements ErrorHandler
{
    private final EngineCounters counters;
    private volatile long errors;
    private volatile Throwable first;

    PipelineExceptionHandler(final EngineCounters counters)
    {
        this.counters = counters;
    }

    public void onError(final Throwable ex)
    {
        record(ex);
    }

    synchronized void record(final Throwable ex)
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

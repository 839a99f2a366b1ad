package io.hedgeflow.bench;

import io.hedgeflow.gateway.fix.NewOrderSingleFlyweight;
import io.hedgeflow.gateway.fix.OrderType;
import io.hedgeflow.gateway.fix.codecs.builder.NewOrderSingleEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The FIX order encode path: the gateway's NewOrderSingle for an engine order ({@link NewOrderSingleFlyweight})
 * and Artio's encode of it, header included, into a buffer, as a session's send does before the socket. Run with
 * {@code -prof gc}: 0 B/op expected.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class FixOrderEncodeBenchmark
{
    private static final long ONE = 100_000_000L;
    private static final String SYMBOL = "BTC-PERPETUAL";

    @Param({ "LIMIT", "POST_ONLY" })
    OrderType orderType;

    private final MutableAsciiBuffer buffer = new MutableAsciiBuffer(new byte[1024]);
    private final byte[] sendingTime = "20260103-00:00:00.000".getBytes(StandardCharsets.US_ASCII);
    private NewOrderSingleFlyweight orders;
    private long orderId;

    @Setup
    public void setUp()
    {
        orders = new NewOrderSingleFlyweight(orderType);
    }

    /** @return the encoded length, consumed by JMH's blackhole. */
    @Benchmark
    public int encodeNewOrderSingle()
    {
        final long id = ++orderId;
        final NewOrderSingleEncoder order = orders.wrap(id, SYMBOL, (id & 1) == 0 ? '1' : '2', (id & 1023) * ONE,
            95_000 * ONE + id);
        order.header().senderCompID("hedgeflow").targetCompID("DERIBITSERVER").msgSeqNum((int)id)
            .sendingTime(sendingTime);
        return Encoder.length(order.encode(buffer, 0));
    }
}

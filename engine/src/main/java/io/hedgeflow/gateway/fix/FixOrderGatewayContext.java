package io.hedgeflow.gateway.fix;

import io.hedgeflow.pipeline.IdleStrategyKind;

import java.io.File;

/**
 * Configuration of a {@link FixOrderGateway}, validated by {@link #conclude()}.
 */
public final class FixOrderGatewayContext
{
    /** Deribit's TargetCompID. */
    public static final String DERIBIT_TARGET_COMP_ID = "DERIBITSERVER";

    private String host;
    private int port = -1;
    private FixCredentials credentials;
    private File dir;
    private String targetCompId = DERIBIT_TARGET_COMP_ID;
    private OrderType orderType = OrderType.LIMIT;
    private long reconnectIntervalMs = 1_000;
    private long replyTimeoutMs = 10_000;
    private boolean cancelOnDisconnect = true;
    private IdleStrategyKind idleStrategy = IdleStrategyKind.BACKOFF;
    private TickToWireRecorder tickToWire;

    /** Checks the configuration. */
    public FixOrderGatewayContext conclude()
    {
        if (host == null || host.isEmpty() || port <= 0 || port > 65_535)
        {
            throw new IllegalArgumentException("FIX venue address needs a host and a port in 1..65535: " +
                host + ":" + port);
        }
        if (credentials == null)
        {
            throw new IllegalArgumentException("FIX order gateway needs credentials (--credentials FILE)");
        }
        if (dir == null)
        {
            throw new IllegalArgumentException("FIX order gateway needs a directory for its Artio and Aeron files");
        }
        if (idleStrategy == null)
        {
            throw new IllegalArgumentException("FIX idle strategy must be one of BUSY_SPIN, NO_OP, YIELDING, " +
                "BACKOFF, SLEEPING");
        }
        if (reconnectIntervalMs <= 0 || replyTimeoutMs <= 0)
        {
            throw new IllegalArgumentException("FIX reconnect interval and reply timeout must be positive");
        }
        return this;
    }

    /** Venue host and port. */
    public FixOrderGatewayContext address(final String host, final int port)
    {
        this.host = host;
        this.port = port;
        return this;
    }

    public String host()
    {
        return host;
    }

    public int port()
    {
        return port;
    }

    /** The account the gateway logs on with. */
    public FixOrderGatewayContext credentials(final FixCredentials credentials)
    {
        this.credentials = credentials;
        return this;
    }

    public FixCredentials credentials()
    {
        return credentials;
    }

    /** Directory of the gateway's Artio files (sequence numbers persist there across restarts) and Aeron files. */
    public FixOrderGatewayContext dir(final File dir)
    {
        this.dir = dir;
        return this;
    }

    public File dir()
    {
        return dir;
    }

    /** TargetCompID (56) of the venue. */
    public FixOrderGatewayContext targetCompId(final String targetCompId)
    {
        this.targetCompId = targetCompId;
        return this;
    }

    public String targetCompId()
    {
        return targetCompId;
    }

    /** How orders are sent: limit, IOC or post-only. */
    public FixOrderGatewayContext orderType(final OrderType orderType)
    {
        this.orderType = orderType;
        return this;
    }

    public OrderType orderType()
    {
        return orderType;
    }

    /** Wait between a lost session and the next logon attempt. */
    public FixOrderGatewayContext reconnectIntervalMs(final long reconnectIntervalMs)
    {
        this.reconnectIntervalMs = reconnectIntervalMs;
        return this;
    }

    public long reconnectIntervalMs()
    {
        return reconnectIntervalMs;
    }

    /** How long a logon attempt may take. */
    public FixOrderGatewayContext replyTimeoutMs(final long replyTimeoutMs)
    {
        this.replyTimeoutMs = replyTimeoutMs;
        return this;
    }

    public long replyTimeoutMs()
    {
        return replyTimeoutMs;
    }

    /** Whether the logon asks the venue to cancel the session's working orders when the session drops. */
    public FixOrderGatewayContext cancelOnDisconnect(final boolean cancelOnDisconnect)
    {
        this.cancelOnDisconnect = cancelOnDisconnect;
        return this;
    }

    public boolean cancelOnDisconnect()
    {
        return cancelOnDisconnect;
    }

    /**
     * How the gateway's Artio background thread (the indexer of sent messages, the Aeron client's conductor,
     * monitoring) waits when idle. Not on an order's path: the framer, which writes the orders to the socket, runs
     * in the polling thread's duty cycle. BACKOFF (Artio's default) parks up to 1 ms.
     */
    public FixOrderGatewayContext idleStrategy(final IdleStrategyKind idleStrategy)
    {
        this.idleStrategy = idleStrategy;
        return this;
    }

    public IdleStrategyKind idleStrategy()
    {
        return idleStrategy;
    }

    /**
     * Measurement (the latency harness): records each NewOrderSingle's tick-to-wire latency; null (default) for
     * none, then nothing is attached to the orders and Artio calls nothing per message.
     */
    public FixOrderGatewayContext tickToWire(final TickToWireRecorder tickToWire)
    {
        this.tickToWire = tickToWire;
        return this;
    }

    public TickToWireRecorder tickToWire()
    {
        return tickToWire;
    }
}

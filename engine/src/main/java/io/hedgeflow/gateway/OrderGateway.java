package io.hedgeflow.gateway;

import org.agrona.DirectBuffer;

/**
 * Where the engine's NewOrder frames leave when they do not go to the simulated exchange: UDP datagrams
 * ({@link UdpFramePublisher}) or a FIX venue (io.hedgeflow.gateway.fix.FixOrderRoute). Called by one thread.
 */
public interface OrderGateway extends AutoCloseable
{
    /** Hands one NewOrder frame to the gateway. */
    void send(DirectBuffer buffer, int offset, int length);

    /**
     * Hands one NewOrder frame to the gateway, with the tick time of the input that made it: its receive (or, on
     * a paced feed, intended) {@link System#nanoTime()}, for a gateway that measures tick-to-wire latency (FIX).
     */
    default void send(DirectBuffer buffer, int offset, int length, long tickNs)
    {
        send(buffer, offset, length);
    }

    /**
     * The kill switch was engaged or released, after the orders handed before it. A FIX venue's gateway sends one
     * OrderMassCancelRequest on engage; a UDP gateway has nothing to send (the logic sends no more orders).
     */
    default void onKillSwitch(boolean engaged)
    {
    }

    /**
     * Before the engine starts on a recovered journal: the last sequence of the exchange channel the journal
     * holds, and whether the kill switch is engaged. A gateway that writes the exchange's reports itself (FIX)
     * continues after that sequence; a UDP gateway's reports come on the feed with the sender's sequences.
     */
    default void onRecovered(long lastReportSequence, boolean killSwitchEngaged)
    {
    }

    @Override
    void close();
}

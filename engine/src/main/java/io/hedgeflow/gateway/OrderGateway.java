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

    @Override
    void close();
}

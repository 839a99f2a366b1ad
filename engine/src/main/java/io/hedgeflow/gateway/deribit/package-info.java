/**
 * The Deribit multicast gateway: capture files ({@link io.hedgeflow.gateway.deribit.PcapReader}) and multicast
 * groups as packet sources, the {@link io.hedgeflow.gateway.deribit.DeribitAdapter} (frames, sequencing, A/B
 * arbitration, snapshot recovery, malformed packets), and the normalization into the engine's own frames, served
 * by {@link io.hedgeflow.gateway.deribit.DeribitFrameSource}. Rules: docs/deribit.md.
 */
package io.hedgeflow.gateway.deribit;

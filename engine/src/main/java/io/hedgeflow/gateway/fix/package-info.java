/**
 * Orders to a FIX venue in Deribit's FIX 4.4 dialect through Real Logic's Artio: the order gateway (logon signature,
 * NewOrderSingle, OrderCancelRequest, ExecutionReports back, duplicates removed) with its engine route
 * ({@code FixOrderRoute}), the embedded Artio stack ({@code ArtioNode}; the gateway's framer runs in the polling
 * thread's duty cycle, {@code InvokedFramerScheduler}), the credentials file, and a test venue that checks signatures
 * and fills orders. The codecs are generated at build time from src/main/fix.
 */
package io.hedgeflow.gateway.fix;

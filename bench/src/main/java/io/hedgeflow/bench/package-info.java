/**
 * JMH benchmarks, packaged as {@code bench/target/benchmarks.jar} and run by {@code scripts/bench}, which passes
 * the project's JVM flags to the forked JVMs (benchmarks never hard-code them). Run with {@code -prof gc} to prove
 * the hot paths allocate nothing. {@link io.hedgeflow.bench.LatencyHarness} ({@code scripts/bench latency}) measures
 * the whole engine's tick-to-decision latency at a constant offered rate.
 */
package io.hedgeflow.bench;

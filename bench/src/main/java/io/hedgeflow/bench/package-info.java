/**
 * JMH benchmarks, packaged as {@code bench/target/benchmarks.jar} and run by {@code scripts/bench}, which passes
 * the project's JVM flags to the forked JVMs (benchmarks never hard-code them). Run with {@code -prof gc} to prove
 * the hot paths allocate nothing.
 */
package io.hedgeflow.bench;

package io.hedgeflow.config;

import io.hedgeflow.greeks.GreekKernelType;
import io.hedgeflow.logic.HedgeTo;
import io.hedgeflow.logic.LogicContext;
import io.hedgeflow.logic.PolicyContext;
import io.hedgeflow.logic.PolicyType;
import io.hedgeflow.pipeline.EngineContext;
import io.hedgeflow.pipeline.IdleStrategyKind;
import io.hedgeflow.pipeline.ThreadingMode;
import io.hedgeflow.risk.margin.MarginModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConfigFileTest
{
    private static final Path EXAMPLE = Path.of(System.getProperty("hedgeflow.root", ".."), "config", "hedgeflow.yaml");

    @TempDir
    Path dir;

    private Path write(final String yaml) throws IOException
    {
        return Files.writeString(dir.resolve("bad.yaml"), yaml);
    }

    private String error(final String yaml) throws IOException
    {
        final Path file = write(yaml);
        return assertThrows(ConfigException.class, () -> ConfigFile.load(file)).getMessage();
    }

    private static final String LIMITS = """
        limits:
          maxOrderQuantity: 200_000
          maxOrderNotionalUsd: 5_000_000
          priceCollarBps: 100
          maxPositionContracts: 5_000_000
          orderRatePerSecond: 20
          orderBurst: 10
          duplicateWindowNs: 1_000_000
          circuitBreakerRejects: 5
          maxDrawdownUsd: 5_000_000
        """;

    @Test
    void shouldLoadTheExampleWithEveryKey()
    {
        final EngineContext ctx = ConfigFile.load(EXAMPLE);
        assertEquals(250_000.0, ctx.logicContext().policy().trigger().bandUsd());
        assertEquals(PolicyType.FIXED_BAND, ctx.logicContext().policyOf(1).type());
        assertEquals(200_000.0, ctx.logicContext().limits().maxOrderQuantity());
        assertEquals(ThreadingMode.forProcessors(Runtime.getRuntime().availableProcessors()), ctx.threadingMode(),
            "the example leaves the threading mode to the cores");
        assertArrayEquals(new int[]{7, 14, 30, 60, 90}, ctx.simContext().expiryDays());
    }

    @Test
    void shouldReadTheThreadingModeAndTheIdleStrategyOfEachThread() throws IOException
    {
        final EngineContext ctx = ConfigFile.load(write("engine:\n  threadingMode: DEDICATED\n" +
            "  idleStrategy: BACKOFF\n  processorIdleStrategy: BUSY_SPIN\n" + LIMITS));
        assertEquals(ThreadingMode.DEDICATED, ctx.threadingMode());
        assertEquals(IdleStrategyKind.BACKOFF, ctx.idleStrategy());
        assertEquals(IdleStrategyKind.BUSY_SPIN, ctx.processorIdleStrategy());
        assertEquals("threading DEDICATED: configured (receiver idle BACKOFF, processor idle BUSY_SPIN, configured)",
            ctx.threadingReason());
    }

    @Test
    void shouldMatchTheBuiltInDefaults()
    {
        final EngineContext ctx = ConfigFile.load(EXAMPLE);
        final var defaults = Defaults.logicContext();
        assertEquals(defaults.rate(), ctx.logicContext().rate());
        assertEquals(defaults.limits().priceCollarBps(), ctx.logicContext().limits().priceCollarBps());
        assertEquals(defaults.limits().orderBurst(), ctx.logicContext().limits().orderBurst());
    }

    @Test
    void shouldNameFileLineAndKeyOfAnUnknownKey() throws IOException
    {
        assertEquals(dir.resolve("bad.yaml") + ":3: key 'logic.deltaBand': unknown key (see docs/configuration.md)",
            error("logic:\n  rate: 0.01\n  deltaBand: 5\n" + LIMITS));
    }

    @Test
    void shouldNameFileLineAndKeyOfABadValue() throws IOException
    {
        assertEquals(dir.resolve("bad.yaml") + ":2: key 'engine.ringSize': must be an integer, was 'lots'",
            error("engine:\n  ringSize: lots\n" + LIMITS));
        assertEquals(dir.resolve("bad.yaml") + ":2: key 'engine.idleStrategy': must be one of BUSY_SPIN, NO_OP, " +
            "YIELDING, BACKOFF, SLEEPING, was 'FAST'", error("engine:\n  idleStrategy: FAST\n" + LIMITS));
        assertEquals(dir.resolve("bad.yaml") + ":2: key 'engine.threadingMode': must be one of SHARED, DEDICATED, " +
            "INVOKER, was 'ONE'", error("engine:\n  threadingMode: ONE\n" + LIMITS));
    }

    @Test
    void shouldReadTheGreekKernelAndLeaveItOutOfTheDigest() throws IOException
    {
        final LogicContext scalar = ConfigFile.load(write("logic:\n  greekKernel: SCALAR\n" + LIMITS)).logicContext();
        assertEquals(GreekKernelType.SCALAR, scalar.greekKernel());
        assertEquals(GreekKernelType.VECTOR, Defaults.logicContext().greekKernel());
        assertEquals(ConfigFile.load(write(LIMITS)).logicContext().digest(), scalar.digest(),
            "the kernels give the same bits: a journal replays with either without a warning");
        assertEquals(dir.resolve("bad.yaml") + ":2: key 'logic.greekKernel': must be one of VECTOR, SCALAR, " +
            "was 'GPU'", error("logic:\n  greekKernel: GPU\n" + LIMITS));
    }

    @Test
    void shouldNameAnInvalidValueFoundByValidation() throws IOException
    {
        final String message = error(LIMITS.replace("priceCollarBps: 100", "priceCollarBps: -3"));
        assertEquals(dir.resolve("bad.yaml") + ":4: key 'limits.priceCollarBps': must be positive and finite: -3.0",
            message);
        assertEquals(dir.resolve("bad.yaml") + ":2: key 'policy.bandUsd': must be positive and finite: 0.0",
            error("policy:\n  bandUsd: 0\n" + LIMITS));
        assertEquals(dir.resolve("bad.yaml") + ":4: key 'underlyings.2.intervalNs': must be positive: -1",
            error("underlyings:\n  2:\n    type: TIME_INTERVAL\n    intervalNs: -1\n" + LIMITS));
    }

    @Test
    void shouldGiveEachUnderlyingThePolicySectionWithItsOwnKeys() throws IOException
    {
        final Path file = dir.resolve("policies.yaml");
        Files.writeString(file, """
            underlyings:
              2:
                type: TIME_INTERVAL
                intervalNs: 5_000_000_000
            policy:
              type: FIXED_BAND
              bandUnderlying: 1.5
              hedgeTo: EDGE
            """ + LIMITS);
        final LogicContext logic = ConfigFile.load(file).logicContext();
        final PolicyContext btc = logic.policyOf(1);
        final PolicyContext eth = logic.policyOf(2);
        assertEquals(PolicyType.FIXED_BAND, btc.type());
        assertEquals(HedgeTo.EDGE, btc.trigger().hedgeTo());
        assertEquals(PolicyType.TIME_INTERVAL, eth.type());
        assertEquals(5_000_000_000L, eth.trigger().intervalNs());
        assertEquals(1.5, eth.trigger().bandUnderlying(),
            "an underlying starts from the policy section, wherever it is");
        assertNotEquals(Defaults.logicContext().digest(), logic.digest());
    }

    @Test
    void shouldRefuseABadUnderlyingId() throws IOException
    {
        assertEquals(dir.resolve("bad.yaml") + ":2: key 'underlyings.BTC': must be an underlying id (an integer)",
            error("underlyings:\n  BTC:\n    type: NONE\n" + LIMITS));
        assertEquals(dir.resolve("bad.yaml") + ":3: key 'underlyings.1.band': unknown key (see docs/configuration.md)",
            error("underlyings:\n  1:\n    band: 3\n" + LIMITS));
    }

    @Test
    void shouldRefuseAMissingLimitNamingIt() throws IOException
    {
        assertEquals(dir.resolve("bad.yaml") + ":1: key 'limits.maxDrawdownUsd': is not set",
            error(LIMITS.replace("  maxDrawdownUsd: 5_000_000\n", "")));
        assertEquals(dir.resolve("bad.yaml") + ":1: key 'limits.maxOrderQuantity': is not set",
            error("logic:\n  rate: 0.01\n"));
    }

    @Test
    void shouldNameTheLineOfInvalidYaml() throws IOException
    {
        final String message = error("logic:\n  rate: [1, 2\n");
        assertEquals(true, message.startsWith(dir.resolve("bad.yaml") + ":3: not valid YAML"), message);
    }

    @Test
    void shouldRefuseAKeyGivenTwice() throws IOException
    {
        assertEquals(dir.resolve("bad.yaml") + ":3: key 'logic.rate': key given twice",
            error("logic:\n  rate: 0.01\n  rate: 0.02\n" + LIMITS));
    }

    @Test
    void shouldRefuseAnUnknownSection() throws IOException
    {
        assertEquals(dir.resolve("bad.yaml") + ":1: key 'risk': unknown section (expected logic, policy, " +
            "underlyings, limits, margin, engine, sim or fix)", error("risk:\n  x: 1\n"));
    }

    @Test
    void shouldReadTheMarginSectionAndNameAnInvalidKey() throws IOException
    {
        final EngineContext ctx = ConfigFile.load(write("margin:\n  model: PORTFOLIO\n  priceMove: 0.16\n" + LIMITS));
        assertEquals(MarginModel.PORTFOLIO, ctx.logicContext().margin().model());
        assertEquals(0.16, ctx.logicContext().margin().priceMove());
        assertEquals(dir.resolve("bad.yaml") + ":3: key 'margin.priceSteps': must be odd, from 3 to 101: 8",
            error("margin:\n  model: STANDARD\n  priceSteps: 8\n" + LIMITS));
    }
}

package io.hedgeflow.cli;

import io.hedgeflow.config.ConfigFile;
import io.hedgeflow.gateway.fix.FixCredentials;
import io.hedgeflow.gateway.fix.FixVenue;
import io.hedgeflow.gateway.fix.FixVenueContext;
import io.hedgeflow.journal.Journal;
import io.hedgeflow.logic.HedgeLogic;
import io.hedgeflow.replay.JournalReplayer;
import io.hedgeflow.replay.ReplayResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

import static io.hedgeflow.gateway.fix.FixTestSupport.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Restart on the FIX path: the engine runs in a child JVM with post-only orders (they rest at the venue) and no
 * cancel-on-disconnect, is killed (-9) with orders working, the venue trades half of one while it is down, and the
 * engine restarts on the same journal. Exact counts: the venue receives each ClOrdID once and answers one mass
 * status per logon; the journal holds one Reconciliation input per logon, the second carrying the trade made while
 * down (the order's cumulative quantity), and no ExecutionReport with a fill; the logic applies exactly one fill,
 * rejects no input and counts no duplicate report (the venue resent nothing: the first logon of a process resets
 * the sequence numbers); every order working at the venue is still open in the logic; the whole journal replays to
 * identical decisions. Before the restart stopped re-submitting the working orders to the simulated exchange, it
 * filled them a second time: two fill inputs, one of them for an order still working at the venue.
 */
@Timeout(300)
class FixRestartTest extends CommandTest
{
    private static final String SECRET = "restart-s3cret-Lp7Vn2";

    @TempDir
    Path dir;

    @Test
    void shouldFindWorkingOrdersThroughMassStatusAfterAKillAndApplyFillsMadeWhileDownOnce() throws Exception
    {
        final Path credentials = credentials();
        final Path config = config();
        final Path journal = dir.resolve("journal");
        final int port = freePort();
        try (FixVenue venue = new FixVenue(new FixVenueContext().port(port)
            .credentials(FixCredentials.load(credentials)).dir(dir.resolve("venue").toFile())))
        {
            final Process first = engine(port, credentials, config, journal, "20000", "first.err");
            final long deadlineNs = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (venue.workingOrders() < 2)
            {
                assertTrue(first.isAlive() && System.nanoTime() < deadlineNs,
                    Files.readString(dir.resolve("first.err")));
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            first.destroyForcibly().waitFor();
            final Map<String, Long> working = venue.workingLeaves();
            final String traded = working.keySet().iterator().next();
            final long half = working.get(traded) / 2;
            venue.trade(traded, half);
            awaitLeaves(venue, traded, working.get(traded) - half);

            final Process second = engine(port, credentials, config, journal, "0", "second.err");
            assertTrue(second.waitFor(4, TimeUnit.MINUTES));
            assertEquals(0, second.exitValue(), Files.readString(dir.resolve("second.err")));

            for (final Map.Entry<String, Integer> sent : venue.ordersByClOrdId().entrySet())
            {
                assertEquals(1, sent.getValue(), "ClOrdID " + sent.getKey() + " sent once");
            }
            assertEquals(2, venue.logonsAccepted());
            assertEquals(2, venue.massStatusRequests(), "one mass status per logon");
            assertJournaledVenueInputs(journal, traded, half);
            assertRestartedEngineCounters(journal);
            try (Journal j = Journal.openReadOnly(journal);
                HedgeLogic logic = new HedgeLogic(ConfigFile.load(config).logicContext()))
            {
                final ReplayResult result = new JournalReplayer(logic).replay(j, true, -1, null);
                assertNull(result.difference());
                assertEquals(2, logic.counters().reconciliations(), "one round per logon");
                assertEquals(1, logic.counters().fills(), "the trade made while down, applied once, from the " +
                    "Reconciliation input");
                assertEquals(0, logic.counters().rejected(), "no input rejected (no report reused a sequence)");
                assertEquals(0, logic.counters().lostOrders());
                assertEquals(0, logic.counters().positionBreaches(),
                    "with tolerance 0: the logic's position after the restart is the venue's");
                for (final String resting : venue.workingLeaves().keySet())
                {
                    assertTrue(logic.isOpenOrder(Long.parseLong(resting)), "order " + resting + " works at the " +
                        "venue and is open in the logic");
                }
                assertFalse(logic.killSwitchEngaged());
            }
        }
        assertEquals(0, run("replay", journal.toString(), "--verify", "--config", config.toString()), err.toString());
        assertTrue(out.toString().contains("identical"), out.toString());
    }

    /**
     * The venue's answers in the journal, read with {@code dump}: one Reconciliation per logon, the second listing
     * the traded order (found through mass status) with the contracts traded while down as its cumulative quantity
     * and the venue's position; ExecutionReports without any fill (nothing traded while the engine was up).
     */
    private void assertJournaledVenueInputs(final Path journal, final String traded, final long half)
    {
        assertEquals(0, run("dump", journal.toString(), "--queue", "inputs", "--format", "json",
            "--type", "ExecutionReport,Reconciliation"), err.toString());
        final List<String> lines = out.toString().lines().toList();
        final List<String> rounds = lines.stream().filter(line -> line.contains("\"type\":\"Reconciliation\""))
            .toList();
        assertEquals(2, rounds.size(), out.toString());
        assertTrue(rounds.get(0).contains("\"orders\":[]"), rounds.get(0));
        final String contracts = BigDecimal.valueOf(half, 8).stripTrailingZeros().toPlainString();
        assertTrue(rounds.get(1).contains("{\"orderId\":" + traded + ",\"state\":\"WORKING\",\"cumQty\":" +
            contracts + ","), rounds.get(1));
        assertTrue(rounds.get(1).matches(".*\"positions\":\\[\\{\"instrumentId\":\\d+,\"position\":-?" +
            Pattern.quote(contracts) + "}]}"), rounds.get(1));
        assertEquals(0, lines.stream().filter(line -> line.contains("FILL\"")).count(),
            "no ExecutionReport input with a fill: " + out);
    }

    /** The restarted engine's counters in {@code stat}: one logon, no report ignored as a duplicate, one fill. */
    private void assertRestartedEngineCounters(final Path journal)
    {
        assertEquals(0, run("stat", "--dir", journal.toString()), err.toString());
        final String stat = out.toString();
        assertTrue(stat.contains(" 1  fix logons:"), stat);
        assertTrue(stat.contains(" 1  fix reconciliations:"), stat);
        assertTrue(stat.contains(" 0  fix duplicate reports:"), stat);
        assertTrue(stat.contains(" 1  fills:"), stat);
        assertTrue(stat.contains(" 0  rejected duplicate:"), stat);
    }

    private static void awaitLeaves(final FixVenue venue, final String clOrdId, final long leaves)
    {
        while (venue.workingLeaves().get(clOrdId) != leaves)
        {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private Process engine(
        final int port, final Path credentials, final Path config, final Path journal, final String rate,
        final String err) throws IOException
    {
        return ChildJvm.start(dir.resolve("child.out"), dir.resolve(err),
            "run", "--feed", "sim", "--seed", "77", "--events", "300000", "--rate", rate, "--warmup-events", "0",
            "--orders-to", "fix://127.0.0.1:" + port, "--credentials", credentials.toString(),
            "--journal", journal.toString(), "--config", config.toString());
    }

    /** The built-in configuration with post-only orders that survive a lost session. */
    private Path config() throws IOException
    {
        final String builtIn = Files.readString(Path.of(System.getProperty("hedgeflow.root", ".."), "config",
            "hedgeflow.yaml"));
        return Files.writeString(dir.resolve("post-only.yaml"), builtIn.replaceAll("(?m)^fix:.*(\\n  .*)*",
            "fix:\n  orderType: POST_ONLY\n  cancelOnDisconnect: false\n"));
    }

    private Path credentials() throws IOException
    {
        final Path file = dir.resolve("credentials");
        Files.writeString(file, "client_id=restart-test\nclient_secret=" + SECRET + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}

package io.hedgeflow.journal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VerificationPrinterTest
{
    private static final QueueVerification INTACT_MID_WAY =
        new QueueVerification(Journal.INPUTS, 6, 0, 3, 0, 77, false, "5c3d", "625d", null);
    private static final QueueVerification BROKEN = new QueueVerification(Journal.DECISIONS, 1, 1, 0, 2, 55, true,
        "c3a5", "00", new QueueVerification.Break(58, "20260101-00F.cq4", 3, 8, "link mismatch: x"));

    private final VerificationPrinter printer = new VerificationPrinter();

    @Test
    void shouldPrintALinePerQueueAndASummaryAsText()
    {
        final StringBuilder out = new StringBuilder();

        printer.print(new Verification(INTACT_MID_WAY, BROKEN), 2_000_000, 1_000_000, false, out);

        assertEquals(
            "queue=inputs status=intact records=6 headers=0 seals=3 unsealed=0 start=mid-way first_index=77 " +
            "link=5c3d digest=625d note=older files are missing: the first record is trusted and SHA-256 checks " +
            "start at the first seal\n" +
            "queue=decisions status=broken records=1 headers=1 seals=0 unsealed=2 start=beginning first_index=55 " +
            "link=c3a5 digest=00 broken_index=58 broken_file=20260101-00F.cq4 broken_position=3 broken_sequence=8 " +
            "reason=link mismatch: x\n" +
            "status=broken records=11 elapsed_ms=2.0 records_per_second=5500 cpu_ms=1.0 " +
            "records_per_cpu_second=11000\n",
            out.toString());
    }

    @Test
    void shouldPrintOneJsonObjectWithTheQueuesAsAList()
    {
        final StringBuilder out = new StringBuilder();

        printer.print(new Verification(INTACT_MID_WAY, INTACT_MID_WAY), 0, 0, true, out);

        final String queue = "{\"queue\":\"inputs\",\"status\":\"intact\",\"records\":6,\"headers\":0,\"seals\":3," +
            "\"unsealed\":0,\"start\":\"mid-way\",\"first_index\":77,\"link\":\"5c3d\",\"digest\":\"625d\"," +
            "\"note\":\"older files are missing: the first record is trusted and SHA-256 checks start at the " +
            "first seal\"}";
        assertEquals("{\"status\":\"intact\",\"records\":18,\"elapsed_ms\":0.0,\"records_per_second\":0," +
            "\"cpu_ms\":0.0,\"records_per_cpu_second\":0,\"queues\":[" + queue + "," + queue + "]}\n", out.toString());
    }
}

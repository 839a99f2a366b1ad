package io.hedgeflow.control;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HmacSha256Test
{
    @Test
    void shouldMatchRfc4231TestCases()
    {
        final byte[] key1 = new byte[20];
        java.util.Arrays.fill(key1, (byte)0x0b);
        assertEquals("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
            code(key1, "Hi There".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            code("Jefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)));
        final byte[] key6 = new byte[131];
        java.util.Arrays.fill(key6, (byte)0xaa);
        assertEquals("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54", code(key6,
            "Test Using Larger Than Block-Size Key - Hash Key First".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void shouldMatchTheJdksMacOnRandomKeysAndMessages() throws Exception
    {
        final SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < 200; i++)
        {
            final byte[] key = new byte[1 + random.nextInt(150)];
            final byte[] message = new byte[random.nextInt(1100)];
            random.nextBytes(key);
            random.nextBytes(message);
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            assertEquals(HexFormat.of().formatHex(mac.doFinal(message)), code(key, message), "case " + i);
        }
    }

    @Test
    void shouldAllocateNothingPerCode()
    {
        final HmacSha256 hmac = new HmacSha256(TestKeys.SECRET.getBytes(StandardCharsets.US_ASCII));
        final byte[] message = new byte[1_040];
        final byte[] first = new byte[HmacSha256.LENGTH];
        final byte[] out = new byte[HmacSha256.LENGTH];
        for (int i = 0; i < 20_000; i++)
        {
            compute(hmac, message, i == 0 ? first : out);
        }
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 20_000; i++)
        {
            compute(hmac, message, out);
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertArrayEquals(first, out, "same message, same code");
        // one object per code would be at least 16 bytes x 20,000; the JIT may allocate a few hundred bytes once
        assertTrue(allocated < 20_000, "bytes allocated over 20,000 codes: " + allocated);
    }

    private static void compute(final HmacSha256 hmac, final byte[] message, final byte[] out)
    {
        hmac.begin();
        hmac.update(message, 0, message.length);
        hmac.finish(out, 0);
    }

    private static String code(final byte[] key, final byte[] message)
    {
        final byte[] out = new byte[HmacSha256.LENGTH];
        compute(new HmacSha256(key), message, out);
        return HexFormat.of().formatHex(out);
    }
}

package io.hedgeflow.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NonceWindowTest
{
    private static final long WINDOW = 1_000L;

    @Test
    void shouldRefuseANonceSeenWithinTheWindowAndForgetItAfter()
    {
        final NonceWindow nonces = new NonceWindow(4);
        assertTrue(nonces.add(7L, 10_000L, 10_000L - WINDOW));
        assertFalse(nonces.add(7L, 10_500L, 10_500L - WINDOW), "replayed within the window");
        assertTrue(nonces.add(8L, 10_500L, 10_500L - WINDOW), "another nonce");
        assertTrue(nonces.add(7L, 11_001L, 11_001L - WINDOW), "the first command is out of the window: stale anyway");
    }

    @Test
    void shouldRefuseWhenEverySlotHoldsALiveCommandThenReuseExpiredSlots()
    {
        final NonceWindow nonces = new NonceWindow(2);
        assertTrue(nonces.add(1L, 100L, 100L - WINDOW));
        assertTrue(nonces.add(2L, 200L, 200L - WINDOW));
        assertFalse(nonces.add(3L, 300L, 300L - WINDOW), "full of live commands: fail closed");
        assertTrue(nonces.add(3L, 1_150L, 1_150L - WINDOW), "the slot of nonce 1 (t 100) has expired");
        assertFalse(nonces.add(2L, 1_150L, 1_150L - WINDOW), "nonce 2 (t 200) still live");
    }

    @Test
    void shouldNeedACapacity()
    {
        assertThrows(IllegalArgumentException.class, () -> new NonceWindow(0));
    }
}

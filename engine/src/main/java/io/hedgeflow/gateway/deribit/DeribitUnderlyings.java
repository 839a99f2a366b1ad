package io.hedgeflow.gateway.deribit;

import org.agrona.collections.Long2LongHashMap;

import java.util.ArrayList;
import java.util.List;

/**
 * Engine underlying ids of Deribit's coins: BTC 1 and ETH 2 as in the simulator, then a fixed list, then any other
 * coin from {@link #FIRST_DYNAMIC_ID} in the order the feed first defines it (deterministic for a given feed). A
 * coin is keyed by its code packed into a long (up to 8 ASCII upper-case characters), so lookups are
 * garbage-free.
 */
public final class DeribitUnderlyings
{
    /** Ids of coins not in the fixed list start here. */
    public static final int FIRST_DYNAMIC_ID = 100;
    /** Returned for an unknown coin. */
    public static final int MISSING = 0;
    private static final String[] FIXED = {"BTC", "ETH", "SOL", "XRP", "BNB", "PAXG", "MATIC", "USDC", "USDT"};

    private final Long2LongHashMap idByCoin = new Long2LongHashMap(MISSING);
    private final List<String> names = new ArrayList<>();
    private final List<Integer> ids = new ArrayList<>();
    private int nextDynamicId = FIRST_DYNAMIC_ID;

    public DeribitUnderlyings()
    {
        for (int i = 0; i < FIXED.length; i++)
        {
            put(key(FIXED[i]), i + 1, FIXED[i]);
        }
    }

    private void put(final long key, final int id, final String name)
    {
        idByCoin.put(key, id);
        names.add(name);
        ids.add(id);
    }

    /** Packs a coin code (ASCII, up to 8 characters) into a key, upper-cased. */
    static long key(final CharSequence coin)
    {
        long key = 0;
        for (int i = 0; i < Math.min(8, coin.length()); i++)
        {
            key = key << 8 | upper((byte)coin.charAt(i));
        }
        return key;
    }

    /** Adds one more character to a key being packed. */
    static long append(final long key, final byte c)
    {
        return key << 8 | upper(c);
    }

    private static int upper(final byte c)
    {
        return c >= 'a' && c <= 'z' ? c - 32 : c & 0xFF;
    }

    /** Id of a coin, or {@link #MISSING}. */
    public int id(final long key)
    {
        return (int)idByCoin.get(key);
    }

    /** Id of a coin, assigning the next dynamic id to a new one. */
    int idOrAssign(final long key, final CharSequence coin)
    {
        final int id = id(key);
        if (id != MISSING)
        {
            return id;
        }
        put(key, nextDynamicId, coin.toString());
        return nextDynamicId++;
    }

    /** The coin of an underlying id, or null. */
    public String name(final int id)
    {
        final int i = ids.indexOf(id);
        return i < 0 ? null : names.get(i);
    }
}

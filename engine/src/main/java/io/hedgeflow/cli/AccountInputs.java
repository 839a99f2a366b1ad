package io.hedgeflow.cli;

import io.hedgeflow.gateway.FrameSource;
import io.hedgeflow.gateway.deribit.AccountFile;
import io.hedgeflow.gateway.deribit.AccountFrameSource;
import io.hedgeflow.gateway.deribit.PositionFrameSource;
import io.hedgeflow.gateway.deribit.PositionsFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The account's files of {@code run} and {@code demo} ({@code --positions}, {@code --account}), read and checked
 * before anything else starts (a bad one is exit 2 before a warm-up or a journal directory), then injected into the
 * feed as journaled inputs.
 *
 * @param positionsFile the positions file, or null.
 * @param positions     its positions ({@link PositionsFile}), empty without one.
 * @param accountFile   the account file, or null.
 * @param equities      each currency's equity ({@link AccountFile}), empty without one.
 */
record AccountInputs(
    Path positionsFile, List<PositionsFile.Position> positions, Path accountFile,
    List<AccountFrameSource.Equity> equities)
{
    /** Reads both files (either may be null); exit 2 naming the file, line and field on a bad one. */
    static AccountInputs read(final Path positionsFile, final Path accountFile)
    {
        final List<AccountFrameSource.Equity> equities = new ArrayList<>();
        if (accountFile != null)
        {
            for (final AccountFile.Account a : AccountFile.read(accountFile))
            {
                equities.add(new AccountFrameSource.Equity(a.currency(), a.equity(), a.line()));
            }
        }
        return new AccountInputs(positionsFile, positionsFile != null ? PositionsFile.read(positionsFile) : List.of(),
            accountFile, equities);
    }

    /**
     * The feed with the positions injected after their instruments' definitions ({@link PositionFrameSource}) and
     * each currency's equity as AccountSnapshot inputs after the first definition of an instrument it settles
     * ({@link AccountFrameSource}); the feed as it is without the files.
     */
    FrameSource inject(final FrameSource feed)
    {
        final FrameSource withPositions = positionsFile != null ?
            new PositionFrameSource(feed, positionsFile, positions) : feed;
        return accountFile != null ? new AccountFrameSource(withPositions, accountFile, equities) : withPositions;
    }
}

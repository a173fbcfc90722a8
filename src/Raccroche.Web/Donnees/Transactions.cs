using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace Raccroche.Web.Donnees;

/// <summary>
/// Explicit transactions run inside the provider's execution strategy: on PostgreSQL the strategy retries a unit of work
/// whose connection broke (a server restart, a failover, a killed backend), and it refuses a transaction opened outside
/// it. The whole unit is one attempt: it opens the transaction, does its reads and writes, commits, and is run again
/// from the start when a transient failure interrupts it (decision 0025).
/// </summary>
public static class Transactions
{
    /// <summary>
    /// Runs <paramref name="travail"/> in a transaction (it commits, or returns and the transaction rolls back). Before a
    /// retry the change tracker is emptied, so that the new attempt reads again what it writes rather than trusting the
    /// state the failed one left.
    /// </summary>
    public static Task<T> EnTransactionAsync<T>(this DbContext db, Func<IDbContextTransaction, Task<T>> travail, CancellationToken ct, IsolationLevel? isolation = null)
    {
        var essai = 0;
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            if (essai++ > 0)
            {
                db.ChangeTracker.Clear();
            }

            await using var tx = isolation is { } niveau
                ? await db.Database.BeginTransactionAsync(niveau, ct)
                : await db.Database.BeginTransactionAsync(ct);
            return await travail(tx);
        });
    }

    /// <inheritdoc cref="EnTransactionAsync{T}"/>
    public static Task EnTransactionAsync(this DbContext db, Func<IDbContextTransaction, Task> travail, CancellationToken ct, IsolationLevel? isolation = null) =>
        db.EnTransactionAsync<bool>(async tx =>
        {
            await travail(tx);
            return true;
        }, ct, isolation);

    /// <summary>A broken or refused connection, a timeout, retries exhausted: anywhere in the chain of causes.</summary>
    public static bool EstPassagere(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is RetryLimitExceededException or TimeoutException
                || e is DbException { IsTransient: true }
                || e is Npgsql.NpgsqlException { InnerException: System.IO.IOException or System.Net.Sockets.SocketException }
                || e is Npgsql.PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "08006" or "08001" or "08003" or "53300" }

                // FATAL: the server refused or ended the session itself (shutting down, not accepting connections).
                || e is Npgsql.PostgresException { Severity: "FATAL" })
            {
                return true;
            }
        }

        return false;
    }
}

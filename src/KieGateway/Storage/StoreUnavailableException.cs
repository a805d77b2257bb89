using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace KieGateway.Storage;

/// <summary>
/// The store could not be made ready at start. An operator's problem, not a bug: the message says what and where,
/// and the exception renders as that message alone (a stack trace would only bury it in the logs).
/// </summary>
internal sealed class StoreUnavailableException(string message, Exception inner) : Exception(message, inner)
{
    public override string ToString() => $"{GetType().FullName}: {Message}";

    /// <summary>A schema that is not ours (a store of an older build), or a store that cannot be used at all.</summary>
    public static StoreUnavailableException From(DatabaseFacade database, DbException ex) =>
        IsSchemaMismatch(ex)
            ? new("The store was created by an older build of KieGateway, before schema migrations, and cannot be upgraded "
                  + $"({ex.Message}). Move it aside (for SQLite, the file named in ConnectionStrings:Gateway, by default "
                  + "data/gateway.db) and start again.", ex)
            : new($"The store ({Describe(database, out var password)}) could not be used: {Reason(ex, password)}. Check "
                  + "ConnectionStrings:Gateway, that the database is up and reachable, and that the user may log in and create tables.", ex);

    // Tables or columns missing, or tables there without migration history: only these mean "an older build".
    private static bool IsSchemaMismatch(DbException ex) => ex switch
    {
        PostgresException pg => pg.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn
            or PostgresErrorCodes.DuplicateTable,
        SqliteException lite => lite.SqliteErrorCode == 1 && (lite.Message.Contains("no such table", StringComparison.Ordinal)
            || lite.Message.Contains("no such column", StringComparison.Ordinal) || lite.Message.Contains("already exists", StringComparison.Ordinal)),
        _ => false,
    };

    /// <summary>Provider, host and database, never the password (handed out only to be kept out of the reason).</summary>
    private static string Describe(DatabaseFacade database, out string? password)
    {
        password = null;
        if (!database.IsNpgsql())
        {
            return $"SQLite file '{new SqliteConnectionStringBuilder(database.GetConnectionString()).DataSource}'";
        }

        var store = new NpgsqlConnectionStringBuilder(database.GetConnectionString());
        password = store.Password;
        return $"PostgreSQL at {store.Host}:{store.Port}, database '{store.Database ?? store.Username}', user '{store.Username}'";
    }

    private static string Reason(Exception ex, string? password)
    {
        var reason = ex.InnerException is { } inner ? $"{ex.Message} ({inner.Message})" : ex.Message;
        return string.IsNullOrEmpty(password) ? reason : reason.Replace(password, "***", StringComparison.Ordinal);
    }
}

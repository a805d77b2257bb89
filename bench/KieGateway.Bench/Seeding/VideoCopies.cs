using System.Data.Common;
using System.Globalization;

namespace KieGateway.Bench.Seeding;

/// <summary>
/// Seeding by copying, inside the database, one completed video the gateway wrote itself: one
/// <c>INSERT … SELECT</c> over a number series. Every column keeps the gateway's own encoding (SQLite's binary
/// times, PostgreSQL's arrays) without the bench knowing the schema beyond the columns that must differ, and a
/// hundred thousand rows take a second or two, sending nothing over the wire. Completed rows are never due, so
/// the gateway does not poll Kie about them.
/// </summary>
internal static class VideoCopies
{
    /// <summary>The id of copy <paramref name="n"/> (1-based): well formed for the gateway (<c>vid_</c> + 32 hex digits).</summary>
    public static string Id(int n) => "vid_" + n.ToString("x32", CultureInfo.InvariantCulture);

    /// <summary>The statement; <paramref name="number"/> is the series' column, the other two map it to text.</summary>
    public static async Task<string> StatementAsync(DbConnection connection, string series, string number, Func<string, string> hex32, CancellationToken ct)
    {
        var columns = await ColumnsAsync(connection, ct);
        var values = columns.Select(column => column switch
        {
            "Id" => $"'vid_' || {hex32(number)}",
            "KieTaskId" => $"'veo_bench_seed_' || {number}",
            "CallbackToken" => $"CASE WHEN t.\"CallbackToken\" IS NULL THEN NULL ELSE 'seed_' || {number} END",
            _ => $"t.\"{column}\"",
        });
        var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
        return $"""
            {series}
            INSERT INTO videos ({names})
            SELECT {string.Join(", ", values)}
            FROM videos AS t CROSS JOIN n
            WHERE t."Id" = @template
            """;
    }

    /// <summary>The table's columns but its generated key (<c>Seq</c>), as the gateway's migrations made them.</summary>
    private static async Task<List<string>> ColumnsAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM videos WHERE 1 = 0";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).Where(name => name != "Seq").ToList();
        if (!columns.Contains("Id") || !columns.Contains("KieTaskId"))
        {
            throw new BenchFailure($"bench: the videos table has no Id or KieTaskId column ({string.Join(", ", columns)}); the seeding needs updating.");
        }

        return columns;
    }

    public static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

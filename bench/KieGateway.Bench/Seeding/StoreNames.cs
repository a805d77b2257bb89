namespace KieGateway.Bench.Seeding;

internal static class StoreNames
{
    /// <summary>The engine's own spelling for the report, from the gateway's <c>Storage:Provider</c> value.</summary>
    public static string Display(string provider) => provider switch
    {
        "Sqlite" => "SQLite",
        "Postgres" => "PostgreSQL",
        _ => provider,
    };
}

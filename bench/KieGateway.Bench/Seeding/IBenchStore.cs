namespace KieGateway.Bench.Seeding;

/// <summary>A store the gateway runs on in the bench, and how to fill it with completed videos.</summary>
internal interface IBenchStore
{
    /// <summary><c>Sqlite</c> or <c>Postgres</c>, as the gateway's <c>Storage:Provider</c> spells it.</summary>
    string Provider { get; }

    string ConnectionString { get; }

    /// <summary>
    /// Adds <paramref name="copies"/> copies of the gateway's own row for <paramref name="templateId"/> (a completed
    /// video it made), each with its own id (<see cref="VideoCopies.Id"/>), Kie task id and callback token.
    /// </summary>
    Task SeedCopiesAsync(string templateId, int copies, CancellationToken ct);

    /// <summary>A copy of this store as it is now, named <paramref name="name"/> (letters, digits, underscores).</summary>
    Task<IBenchStore> CloneAsync(string name, CancellationToken ct);

    /// <summary>The database engine's version, for the report.</summary>
    Task<string> VersionAsync(CancellationToken ct);
}

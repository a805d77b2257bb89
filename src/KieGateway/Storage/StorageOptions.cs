namespace KieGateway.Storage;

internal enum StorageProvider
{
    Sqlite,
    Postgres,
}

internal sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;
}

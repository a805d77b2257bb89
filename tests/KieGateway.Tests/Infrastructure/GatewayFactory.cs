using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace KieGateway.Tests.Infrastructure;

/// <summary>
/// The gateway as clients see it: real routing, validation, Kie client, resilience and problem details.
/// Only the edges are swapped: configuration, the Kie base address (a <see cref="FakeKie"/>), the clock, and
/// what a test passes in <c>services</c> (e.g. a DNS resolver).
/// </summary>
public sealed class GatewayFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private readonly string _environment;

    private readonly Action<IServiceCollection>? _services;

    public GatewayFactory(
        FakeKie? kie, IDictionary<string, string?>? settings = null, FakeTimeProvider? time = null, string? database = null,
        string environment = "Testing", Action<IServiceCollection>? services = null)
    {
        _environment = environment;
        _services = services;
        Time = time;
        DatabasePath = database ?? (PostgresAdmin is null
            ? Path.Combine(Path.GetTempPath(), $"kiegateway-test-{Guid.NewGuid():N}.db")
            : $"kgw_test_{Guid.NewGuid():N}");
        _settings = new Dictionary<string, string?>(TestClients.Settings)
        {
            ["Storage:Provider"] = PostgresAdmin is null ? "Sqlite" : "Postgres",
            ["ConnectionStrings:Gateway"] = PostgresAdmin is null ? $"Data Source={DatabasePath}" : PostgresStore(DatabasePath),
            ["Kie:Mode"] = kie is null ? "Sandbox" : "Live",
            ["Kie:BaseUrl"] = kie?.BaseUrl.ToString() ?? "https://api.kie.ai",
            ["Kie:UploadBaseUrl"] = kie?.UploadBaseUrl.ToString() ?? "https://kieai.redpandaai.co",
            ["Kie:ApiKey"] = kie is null ? null : FakeKie.ApiKey,
            ["Sandbox:ClientKey"] = kie is null ? "kgw_sandbox_dev_key" : null,
            ["Kie:Timeout"] = "00:00:02",
            ["Kie:ReadRetryBaseDelay"] = "00:00:00.010",
            ["Jobs:PollInterval"] = "00:00:05",
            // Off unless a test is about it, so that tests of reads count Kie calls exactly.
            ["Jobs:BackgroundRefresh"] = "false",
            // Webhook receivers and image hosts of tests listen on loopback; the SSRF tests turn this off.
            ["Security:AllowPrivateNetworkUrls"] = "true",
            // Per-client rate limits run on the real clock, and many tests make a hundred requests as one client
            // in a second: out of the way unless a test is about them (Security/RateLimitTests).
            ["Gateway:RateLimit:PermitLimit"] = "1000000",
            ["Gateway:RateLimit:CreatePermitLimit"] = "1000000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>
    /// Set (an admin connection string) to run the whole suite on PostgreSQL instead of SQLite: each host
    /// then gets a database of its own, created by the gateway's migrations. .ci/run does both.
    /// </summary>
    public static string? PostgresAdmin { get; } = Environment.GetEnvironmentVariable("KIEGATEWAY_TEST_POSTGRES");

    public FakeTimeProvider? Time { get; }

    public string DatabasePath { get; }

    public CapturedLog Log { get; } = new();

    public HttpClient ClientWithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings.Where(s => s.Value is not null))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Log));
        builder.ConfigureServices(services =>
        {
            if (Time is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Time);
            }

            _services?.Invoke(services);
        });
    }

    private static string PostgresStore(string database) =>
        new Npgsql.NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = database, MaxPoolSize = 20, ConnectionIdleLifetime = 10, ConnectionPruningInterval = 5 }.ToString();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (PostgresAdmin is not null)
        {
            // Hosts come and go by the hundred in a run: give their connections back to the server.
            await using var connection = new Npgsql.NpgsqlConnection(PostgresStore(DatabasePath));
            Npgsql.NpgsqlConnection.ClearPool(connection);
        }
    }
}

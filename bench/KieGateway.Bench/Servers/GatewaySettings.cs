using System.Security.Cryptography;
using System.Text;

namespace KieGateway.Bench.Servers;

/// <summary>A setting the bench changes from the gateway's default, and why; listed in the report's header.</summary>
internal sealed record RaisedSetting(string Key, string Value, string Default, string Why);

/// <summary>
/// The gateway's configuration for a run, as environment variables: Live mode against the fake with a made-up
/// Kie key, one client (<c>bench</c>) with a made-up key, and the limits that would otherwise refuse the load.
/// Everything else (logging, background refresh, webhooks, telemetry) stays as the gateway ships it.
/// </summary>
internal sealed class GatewaySettings(Uri kie, string kieKey, string clientKey)
{
    public const string ClientId = "bench";

    public static readonly IReadOnlyList<RaisedSetting> Raised =
    [
        new("Gateway:RateLimit:PermitLimit", "100000000", "600 a minute", "per-client request limit, else every run past the 600th request would be measuring 429s"),
        new("Gateway:RateLimit:CreatePermitLimit", "100000000", "30 a minute", "per-client create limit, likewise"),
        new("Kie:CreateLimit", "100", "20", "Kie's account create limit (store-wide permits): 100 per 25 ms, 4,000 creates/s"),
        new("Kie:CreateLimitWindow", "00:00:00.025", "00:00:10", "with the above; an account whose limit Kie support has raised"),
    ];

    public string ClientKey => clientKey;

    public IReadOnlyDictionary<string, string?> Environment(int port, Seeding.IBenchStore store)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Kie__Mode"] = "Live",
            ["Kie__BaseUrl"] = kie.ToString().TrimEnd('/'),
            ["Kie__ApiKey"] = kieKey,
            ["Gateway__Clients__0__Id"] = ClientId,
            ["Gateway__Clients__0__KeySha256"] = Sha256Hex(clientKey),
            ["Storage__Provider"] = store.Provider,
            ["ConnectionStrings__Gateway"] = store.ConnectionString,
        };
        foreach (var setting in Raised)
        {
            environment[setting.Key.Replace(":", "__", StringComparison.Ordinal)] = setting.Value;
        }

        return environment;
    }

    /// <summary>A made-up key for the fake Kie or the bench client, new for every run.</summary>
    public static string NewKey(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static string Sha256Hex(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

using System.Globalization;
using System.Runtime.InteropServices;
using KieGateway.Bench.Processes;
using KieGateway.Bench.Runs;

namespace KieGateway.Bench.Drill;

/// <summary>
/// The gateway under the drill: Live against the fake Kie, on the throwaway PostgreSQL, with one client whose webhooks
/// go to the in-process receiver on loopback. Started again after a <c>kill -9</c> on the same port and store.
/// </summary>
internal sealed class DrillGateway(BenchEnvironment env, DrillPlan plan, DrillSecrets secrets, string postgres, int port, Uri fakeKie)
{
    private const int SigKill = 9;

    public Uri BaseUrl { get; } = new($"http://127.0.0.1:{port}/");

    /// <summary>The settings the drill changes from the defaults, as the report lists them (secrets left out).</summary>
    public static IReadOnlyList<(string Key, string Value, string Why)> Overrides(DrillPlan plan) =>
    [
        ("Kie:Mode", "Live", "against the fake Kie, which speaks Kie's wire format"),
        ("Kie:Timeout", DrillPlan.KieTimeout.ToString("c", CultureInfo.InvariantCulture),
            $"a create cut by the kill is settled after Kie:Timeout + 1 min ({DrillPlan.KieTimeout.TotalSeconds + 60:0} s instead of 90 s); "
            + $"still far above the fake's {plan.LatencyMaxMs} ms"),
        ("Kie:CreateLimit", plan.KieCreateLimit.ToString(CultureInfo.InvariantCulture), "Kie's account limit of creates per window (default 20)"),
        ("Kie:CreateLimitWindow", "00:00:01",
            "a window of 1 s instead of Kie's 10 s (200 creates would queue for 100 s); the limit stays in play: 429 upstream_rate_limited, retried after Retry-After"),
        ("Gateway:RateLimit:PermitLimit", "100000", "the drill's one client polls 200 videos and their events"),
        ("Gateway:RateLimit:CreatePermitLimit", "100000", "200 creates and their retries from one client"),
        ("Security:AllowPrivateNetworkUrls", "true", "the documented switch for receivers on a private network: the receiver is on 127.0.0.1"),
        ("Storage:Provider", "Postgres", "the throwaway PostgreSQL, kept across the kill"),
    ];

    /// <summary>Starts generation <paramref name="generation"/> (1, then 2 after the kill) and waits until it is ready.</summary>
    public async Task<(ChildProcess Process, TimeSpan Ready)> StartAsync(int generation, CancellationToken ct)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = BaseUrl.ToString().TrimEnd('/'),
            ["Kie__BaseUrl"] = fakeKie.ToString(),
            ["Kie__ApiKey"] = secrets.KieKey,
            ["Gateway__Clients__0__Id"] = DrillSecrets.ClientId,
            ["Gateway__Clients__0__KeySha256"] = secrets.ClientKeySha256,
            ["Gateway__Clients__0__WebhookSecret"] = secrets.WebhookSecret,
            ["ConnectionStrings__Gateway"] = postgres,
        };
        foreach (var (key, value, _) in Overrides(plan))
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var spec = new ChildProcessSpec($"gateway-{generation}", env.Dotnet, [env.GatewayDll], env.Log($"gateway-{generation}"))
        {
            WorkingDirectory = env.Scratch("gateway"),
            Environment = environment,
        };
        var process = ChildProcess.Start(spec);
        var ready = await process.WaitForHttpAsync(new Uri(BaseUrl, "health/ready"), TimeSpan.FromSeconds(60), ct);
        return (process, ready);
    }

    /// <summary><c>kill -9</c>: no shutdown hook runs, no lease or claim is handed back, nothing is flushed.</summary>
    public static async Task KillAsync(ChildProcess process, CancellationToken ct)
    {
        if (Kill(process.Id, SigKill) != 0)
        {
            throw new BenchFailure($"drill: kill -9 {process.Id} failed (errno {Marshal.GetLastPInvokeError()}).");
        }

        while (!process.HasExited)
        {
            await Task.Delay(10, ct);
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}

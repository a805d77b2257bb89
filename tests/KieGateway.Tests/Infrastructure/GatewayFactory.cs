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
/// Only the edges are swapped: configuration, the Kie base address (a <see cref="FakeKie"/>), the clock.
/// </summary>
public sealed class GatewayFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private readonly string _environment;

    public GatewayFactory(
        FakeKie? kie, IDictionary<string, string?>? settings = null, FakeTimeProvider? time = null, string? database = null,
        string environment = "Testing")
    {
        _environment = environment;
        Time = time;
        DatabasePath = database ?? Path.Combine(Path.GetTempPath(), $"kiegateway-test-{Guid.NewGuid():N}.db");
        _settings = new Dictionary<string, string?>(TestClients.Settings)
        {
            ["ConnectionStrings:Gateway"] = $"Data Source={DatabasePath}",
            ["Kie:Mode"] = kie is null ? "Sandbox" : "Live",
            ["Kie:BaseUrl"] = kie?.BaseUrl.ToString() ?? "https://api.kie.ai",
            ["Kie:ApiKey"] = kie is null ? null : FakeKie.ApiKey,
            ["Sandbox:ClientKey"] = kie is null ? "kgw_sandbox_dev_key" : null,
            ["Kie:Timeout"] = "00:00:02",
            ["Kie:ReadRetryBaseDelay"] = "00:00:00.010",
            ["Jobs:PollInterval"] = "00:00:05",
            // Off unless a test is about it, so that tests of reads count Kie calls exactly.
            ["Jobs:BackgroundRefresh"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

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
        });
    }
}

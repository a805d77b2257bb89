using System.Net;
using KieGateway.Storage;
using KieGateway.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KieGateway.Tests.Webhooks;

/// <summary>
/// Gateways on one store. The class's own host is replica "A" (its store access can be cut, as a crash cuts it);
/// <see cref="Replica"/> starts more. Every call a replica makes is tagged with its name.
/// </summary>
public abstract class ReplicaTest : WebhookTest
{
    protected const string RecordInfo = "/api/v1/veo/record-info";

    /// <summary>Replica A's store access: watched, or cut as a crash cuts it.</summary>
    protected StoreHook StoreOfA { get; } = new();

    /// <summary>Whether replica A follows jobs by itself; off where a test decides who reads when.</summary>
    protected virtual bool BackgroundRefresh => true;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:BackgroundRefresh"] = BackgroundRefresh ? "true" : "false",
        // Real HTTP under a fast-moving fake clock: generous limits, so that no read times out on the fake clock.
        ["Kie:Timeout"] = "00:01:00",
        ["Jobs:ReadRefreshBudget"] = "00:02:00",
        ["Webhooks:Timeout"] = "00:01:00",
        // Many jobs are created at one instant; create pacing across replicas is AccountLimitTests'.
        ["Kie:CreateLimit"] = "1000",
        // Creates pass Kie a callBackUrl, so that the tests can call back as Kie does.
        ["Gateway:PublicBaseUrl"] = "https://gateway.example.com",
    };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.TagOutgoingCalls("A");
        services.AddSingleton<IInterceptor>(StoreOfA);
    }

    /// <summary>Another replica on the same store, with these settings (the class's by default), its own clock and store hook if given.</summary>
    protected GatewayFactory Replica(
        string name, IDictionary<string, string?>? settings = null, FakeTimeProvider? clock = null, StoreHook? store = null) =>
        new(Kie, settings ?? Settings, clock ?? Clock, Gateway.DatabasePath, services: s =>
        {
            s.TagOutgoingCalls(name);
            if (store is not null)
            {
                s.AddSingleton<IInterceptor>(store);
            }
        });

    protected async Task<string> CreateWithCallbackAsync(string prompt = "p")
    {
        var created = await Alice.PostVideoAsync(new { prompt, callbackUrl = Receiver.HookUrl });
        return (await created.AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str();
    }

    /// <summary>The video's row as the store has it now, read through <paramref name="host"/>.</summary>
    private protected static Task<VideoRecord> RowAsync(GatewayFactory host, string id) =>
        ReadStoreAsync(host, db => db.Videos.AsNoTracking().SingleAsync(v => v.Id == id));

    /// <summary>How many of the account's status-read permits have been used (each is used at most once a second).</summary>
    private protected Task<int> UsedStatusReadsAsync() =>
        ReadStoreAsync(Gateway, db => db.KiePermits.CountAsync(p => p.Bucket == "status-read" && p.UsedAtMs > 0));

    private static async Task<T> ReadStoreAsync<T>(GatewayFactory host, Func<GatewayDbContext, Task<T>> read)
    {
        using var scope = host.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<GatewayDbContext>());
    }
}

using System.Collections.Concurrent;
using System.Net;
using KieGateway.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace KieGateway.Tests.Kie;

/// <summary>
/// Kie's limits are per account (20 creates per 10 s, 10 status reads per s): the gateway keeps to them across
/// every replica on one store, and answers a create over the limit itself instead of sending it to Kie to fail.
/// </summary>
public sealed class AccountLimitTests : GatewayTest
{
    private const string Generate = "/api/v1/veo/generate";
    private const string RecordInfo = "/api/v1/veo/record-info";

    private readonly StoreHook _store = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IInterceptor>(_store);

    /// <summary>The store commands from now on whose text contains <paramref name="fragment"/>.</summary>
    private ConcurrentQueue<string> CommandsWith(string fragment)
    {
        var commands = new ConcurrentQueue<string>();
        _store.BeforeCommand = sql =>
        {
            if (sql.Contains(fragment, StringComparison.Ordinal))
            {
                commands.Enqueue(sql);
            }

            return Task.CompletedTask;
        };
        return commands;
    }

    [Fact]
    public async Task APermitIsTakenWithOneStatement()
    {
        await (await Alice.PostVideoAsync(new { prompt = "seeds the permits" })).AssertJsonAsync(HttpStatusCode.Accepted);
        var permitCommands = CommandsWith("kie_permits");

        await (await Alice.PostVideoAsync(new { prompt = "takes one" })).AssertJsonAsync(HttpStatusCode.Accepted);

        Assert.StartsWith("UPDATE", Assert.Single(permitCommands).TrimStart());
    }

    [Fact]
    public async Task ThePermitsAreSeededWithOneStatement()
    {
        var seeding = CommandsWith("INSERT INTO kie_permits");

        await (await Alice.PostVideoAsync(new { prompt = "seeds the permits" })).AssertJsonAsync(HttpStatusCode.Accepted);

        Assert.Single(seeding, sql => sql.Contains("WITH RECURSIVE", StringComparison.Ordinal)); // a row at a time, a raised limit outlasted the Kie call's time budget
        await using var scope = Gateway.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KieGateway.Storage.GatewayDbContext>();
        Assert.Equal(Enumerable.Range(0, 20), db.KiePermits.Where(p => p.Bucket == "create").Select(p => p.Slot).AsEnumerable().Order());
    }

    [Fact]
    public async Task ABurstOfThirtyCreatesSendsTwentyToKieAndAnswersTheRestWithAnHonestRetryAfter()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Alice.PostVideoAsync(new { prompt = $"burst {i}" })));

        Assert.Equal(20, answers.Count(a => a.StatusCode == HttpStatusCode.Accepted));
        var refused = answers.Where(a => a.StatusCode != HttpStatusCode.Accepted).ToList();
        Assert.Equal(10, refused.Count);
        foreach (var answer in refused)
        {
            await answer.AssertProblemAsync(HttpStatusCode.TooManyRequests, "upstream_rate_limited");
            Assert.Equal(TimeSpan.FromSeconds(10), answer.Headers.RetryAfter?.Delta); // the clock stood still
        }

        Assert.Equal(20, Kie.CallsTo(Generate).Count);
        var listed = await (await Alice.GetAsync("/videos?limit=100")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(20, listed["data"]!.AsArray().Count); // a refused create leaves nothing behind
    }

    [Fact]
    public async Task RetryAfterSaysWhenTheNextCreateIsAllowedAndItIs()
    {
        for (var i = 0; i < 20; i++)
        {
            await (await Alice.PostVideoAsync(new { prompt = $"p{i}" })).AssertJsonAsync(HttpStatusCode.Accepted);
        }

        Clock.Advance(TimeSpan.FromSeconds(4));
        var refused = await Alice.PostVideoAsync(new { prompt = "too soon" });
        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "upstream_rate_limited");
        Assert.Equal(TimeSpan.FromSeconds(6), refused.Headers.RetryAfter?.Delta);

        Clock.Advance(refused.Headers.RetryAfter!.Delta!.Value);
        await (await Alice.PostVideoAsync(new { prompt = "on time" })).AssertJsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(21, Kie.CallsTo(Generate).Count);
    }

    [Fact]
    public async Task TwoReplicasOnOneStoreShareTheCreateLimit()
    {
        await using var other = new GatewayFactory(Kie, Settings, Clock, Gateway.DatabasePath);
        var clients = new[] { Alice, other.ClientWithKey(TestClients.AliceKey) };

        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => clients[i % 2].PostVideoAsync(new { prompt = $"p{i}" })));

        Assert.Equal(20, answers.Count(a => a.StatusCode == HttpStatusCode.Accepted));
        Assert.Equal(10, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.Equal(20, Kie.CallsTo(Generate).Count);
    }

    [Fact]
    public async Task TwoReplicasOnOneStoreShareTheStatusReadLimit()
    {
        await using var other = new GatewayFactory(Kie, Settings, Clock, Gateway.DatabasePath);
        var clients = new[] { Alice, other.ClientWithKey(TestClients.AliceKey) };
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add((await (await Alice.PostVideoAsync(new { prompt = $"p{i}" })).AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str());
        }

        // Every job is due; each read asks Kie only if a permit of this second is left, else answers the stored state.
        Clock.Advance(TimeSpan.FromSeconds(10));
        for (var i = 0; i < ids.Count; i++)
        {
            await (await clients[i % 2].GetAsync($"/videos/{ids[i]}")).AssertJsonAsync(HttpStatusCode.OK);
        }

        Assert.Equal(10, Kie.CallsTo(RecordInfo).Count);

        Clock.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i < ids.Count; i++)
        {
            await (await clients[(i + 1) % 2].GetAsync($"/videos/{ids[i]}")).AssertJsonAsync(HttpStatusCode.OK);
        }

        Assert.Equal(20, Kie.CallsTo(RecordInfo).Count);
        Assert.Equal(20, Kie.CallsTo(RecordInfo).Select(c => c.Query).Distinct().Count()); // the other ten, this second
    }
}

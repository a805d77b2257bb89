using System.Net;
using System.Text.Json.Nodes;
using KieGateway.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KieGateway.Tests.Infrastructure;

/// <summary>A test class with a fresh fake Kie and a Live-mode gateway in front of it, on a fake clock.</summary>
public abstract class GatewayTest : IAsyncLifetime
{
    protected FakeKie Kie { get; private set; } = null!;

    protected GatewayFactory Gateway { get; private set; } = null!;

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 13, 0, 0, TimeSpan.Zero));

    protected HttpClient Alice { get; private set; } = null!;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Settings a family of tests starts from; a test class's own <see cref="Settings"/> win over them.</summary>
    protected virtual IDictionary<string, string?> BaseSettings => new Dictionary<string, string?>();

    /// <summary>Edges a test class swaps in the gateway's services (after the gateway's own registrations).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public virtual async Task InitializeAsync()
    {
        Kie = await FakeKie.StartAsync();
        var settings = new Dictionary<string, string?>(BaseSettings);
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        Gateway = new GatewayFactory(Kie, settings, Clock, services: ConfigureServices);
        Alice = Gateway.ClientWithKey(TestClients.AliceKey);
    }

    /// <summary>
    /// Moves the gateway's clock forward in small steps until <paramref name="done"/> holds: timers that
    /// the gateway creates while the test runs (a retry's backoff) fire without the test sleeping.
    /// </summary>
    protected async Task AdvanceUntilAsync(Func<bool> done, TimeSpan step, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (!done())
        {
            Clock.Advance(step);
            await Task.Delay(5, cts.Token);
        }
    }

    /// <summary>
    /// Returns once the test's clock has moved <paramref name="span"/> on from now (another part of the test moves it),
    /// or after ten real seconds: for a fake upstream that takes its time on the gateway's clock.
    /// </summary>
    protected async Task ClockMovesOnAsync(TimeSpan span)
    {
        var until = Clock.GetUtcNow() + span;
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Clock.GetUtcNow() < until && !bound.IsCancellationRequested)
        {
            await Task.Delay(5, CancellationToken.None);
        }
    }

    /// <summary>Reads the video until it has <paramref name="status"/>, within a bound.</summary>
    protected async Task<JsonObject> WaitForStatusAsync(string id, string status, HttpClient? client = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var video = await (await (client ?? Alice).GetAsync($"/videos/{id}", timeout.Token)).AssertJsonAsync(HttpStatusCode.OK);
            if (video["status"].Str() == status)
            {
                return video;
            }

            await Task.Delay(10, timeout.Token);
        }
    }

    /// <summary>
    /// Reads the video until it has <paramref name="status"/>, moving the clock <paramref name="step"/> between reads:
    /// for an end that waits on the job's own schedule (its next read may be due half a minute after the last).
    /// </summary>
    protected async Task<JsonObject> AdvanceUntilStatusAsync(string id, string status, TimeSpan step, TimeSpan? timeout = null)
    {
        using var bound = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var video = await (await Alice.GetAsync($"/videos/{id}", bound.Token)).AssertJsonAsync(HttpStatusCode.OK);
            if (video["status"].Str() == status)
            {
                return video;
            }

            Clock.Advance(step);
            await Task.Delay(5, bound.Token);
        }
    }

    /// <summary>A stored video of Alice's as a create leaves it before Kie answers (no task id yet).</summary>
    private protected VideoRecord VideoRow(string id, string? callbackUrl = null) => new()
    {
        Id = id,
        ClientId = "alice",
        Model = "veo-3.1-fast",
        Provider = "veo-3.1",
        Prompt = "p",
        AspectRatio = "16:9",
        DurationSeconds = 8,
        CallbackUrl = callbackUrl,
        CreatedAt = Clock.GetUtcNow(),
        UpdatedAt = Clock.GetUtcNow(),
    };

    /// <summary>Changes the store directly, as a crash or an older process would have left it.</summary>
    private protected async Task StoreAsync(Func<GatewayDbContext, Task> change)
    {
        using var scope = Gateway.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        await change(db);
        await db.SaveChangesAsync();
    }

    private protected Task StoreAsync(Action<GatewayDbContext> change) => StoreAsync(db =>
    {
        change(db);
        return Task.CompletedTask;
    });

    public virtual async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Kie.DisposeAsync();
        File.Delete(Gateway.DatabasePath);
    }
}

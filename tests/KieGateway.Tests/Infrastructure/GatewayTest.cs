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

    public virtual async Task InitializeAsync()
    {
        Kie = await FakeKie.StartAsync();
        Gateway = new GatewayFactory(Kie, Settings, Clock);
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

    public virtual async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Kie.DisposeAsync();
        File.Delete(Gateway.DatabasePath);
    }
}

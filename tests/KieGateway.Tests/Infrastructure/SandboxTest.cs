using Microsoft.Extensions.Time.Testing;

namespace KieGateway.Tests.Infrastructure;

/// <summary>A test class with a sandbox-mode gateway (no Kie key: the embedded simulator) on a fake clock.</summary>
public abstract class SandboxTest : IAsyncLifetime
{
    protected const string SandboxKey = "kgw_sandbox_dev_key";

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 13, 0, 0, TimeSpan.Zero));

    protected GatewayFactory Gateway { get; private set; } = null!;

    /// <summary>The sandbox's development client.</summary>
    protected HttpClient Client { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Gateway = new GatewayFactory(kie: null, time: Clock);
        Client = Gateway.ClientWithKey(SandboxKey);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        File.Delete(Gateway.DatabasePath);
    }
}

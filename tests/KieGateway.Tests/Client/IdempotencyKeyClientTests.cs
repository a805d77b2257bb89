using KieGateway.Client;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Client;

/// <summary>A caller's own idempotency key is checked by the client against the gateway's rule before anything is sent.</summary>
public sealed class IdempotencyKeyClientTests : GatewayTest
{
    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("order 42")]
    [InlineData("bestellung-\u00e9")]
    public async Task AKeyTheGatewayWouldRefuseThrowsArgumentExceptionAndSendsNothing(string key)
    {
        using var host = ClientHost.Start(Gateway, Clock);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            host.Client.CreateVideoAsync(new CreateVideoRequest { Prompt = "A red fox" }, idempotencyKey: key));

        Assert.Equal("idempotencyKey", error.ParamName);
        Assert.Empty(host.Sent);
    }

    [Fact]
    public async Task AKeyOver255CharactersThrowsAndOneOf255IsSentAsGiven()
    {
        using var host = ClientHost.Start(Gateway, Clock);
        var request = new CreateVideoRequest { Prompt = "A red fox" };

        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.CreateVideoAsync(request, idempotencyKey: new string('k', 256)));
        var video = await host.Client.CreateVideoAsync(request, idempotencyKey: new string('k', 255));

        Assert.Equal(VideoStatus.Queued, video.Status);
        Assert.Equal(new string('k', 255), Assert.Single(host.Sent).IdempotencyKey);
    }

    [Fact]
    public async Task WithoutAKeyEachCreateSendsAFreshOne()
    {
        using var host = ClientHost.Start(Gateway, Clock);
        var request = new CreateVideoRequest { Prompt = "A red fox" };

        var first = await host.Client.CreateVideoAsync(request);
        var second = await host.Client.CreateVideoAsync(request);

        Assert.NotEqual(first.Id, second.Id);
        var keys = host.Sent.Select(s => s.IdempotencyKey).ToList();
        Assert.All(keys, k => Assert.False(string.IsNullOrEmpty(k)));
        Assert.Equal(2, keys.Distinct().Count());
    }
}

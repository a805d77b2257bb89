using KieGateway.Client;
using KieGateway.Tests.Infrastructure;
using KieGateway.Tests.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace KieGateway.Tests.Client;

/// <summary>The client's verifier accepts the webhooks the gateway really sends, and nothing else.</summary>
public sealed class WebhookVerifierTests : WebhookTest
{
    private async Task<ReceivedWebhook> RealWebhookAsync()
    {
        await FinishVideoAsync(Alice);
        await WaitForHooksAsync(1);
        return Hooks.Single();
    }

    private KieGatewayWebhookVerifier Verifier(string secret = TestClients.AliceWebhookSecret, TimeSpan? clockAhead = null) =>
        new(secret, new FakeTimeProvider(Clock.GetUtcNow() + (clockAhead ?? TimeSpan.Zero)));

    [Fact]
    public async Task AWebhookTheGatewaySentVerifiesAndReadsAsTheVideo()
    {
        var hook = await RealWebhookAsync();

        var webhook = Verifier().Verify(hook.Id, hook.Timestamp, hook.Signature, hook.Body);

        Assert.Equal("video.completed", webhook.Type);
        Assert.Equal(VideoStatus.Completed, webhook.Data.Status);
        Assert.Equal(["https://cdn.example/v.mp4"], webhook.Data.VideoUrls);
        Assert.Equal(Receiver.HookUrl, webhook.Data.CallbackUrl);
    }

    [Fact]
    public async Task ATamperedBodyIsRefused()
    {
        var hook = await RealWebhookAsync();
        var tampered = hook.Body.Replace("https://cdn.example/v.mp4", "https://evil.example/v.mp4", StringComparison.Ordinal);
        Assert.NotEqual(hook.Body, tampered);

        Assert.Throws<WebhookVerificationException>(() => Verifier().Verify(hook.Id, hook.Timestamp, hook.Signature, tampered));
        Assert.Throws<WebhookVerificationException>(() => Verifier().Verify("msg_other", hook.Timestamp, hook.Signature, hook.Body));
    }

    [Fact]
    public async Task AWebhookSignedWithAnotherClientsSecretIsRefused()
    {
        var hook = await RealWebhookAsync();

        Assert.Throws<WebhookVerificationException>(() => Verifier(TestClients.BobWebhookSecret).Verify(hook.Id, hook.Timestamp, hook.Signature, hook.Body));
    }

    [Fact]
    public async Task ATimestampFurtherThanFiveMinutesFromTheReceiversClockIsRefused()
    {
        var hook = await RealWebhookAsync();

        Verifier(clockAhead: TimeSpan.FromMinutes(4)).Verify(hook.Id, hook.Timestamp, hook.Signature, hook.Body);
        Assert.Throws<WebhookVerificationException>(() => Verifier(clockAhead: TimeSpan.FromMinutes(6)).Verify(hook.Id, hook.Timestamp, hook.Signature, hook.Body));
        Assert.Throws<WebhookVerificationException>(() => Verifier(clockAhead: TimeSpan.FromMinutes(-6)).Verify(hook.Id, hook.Timestamp, hook.Signature, hook.Body));
    }

    [Fact]
    public async Task AnyOfSeveralSignaturesMayMatchAndOtherVersionsAreSkipped()
    {
        var hook = await RealWebhookAsync();
        var rotated = $"v1,{Convert.ToBase64String(new byte[32])} v1a,{hook.Signature![3..]} {hook.Signature}";

        var webhook = Verifier().Verify(hook.Id, hook.Timestamp, rotated, hook.Body);

        Assert.Equal("video.completed", webhook.Type);
        Assert.Throws<WebhookVerificationException>(() => Verifier().Verify(hook.Id, hook.Timestamp, $"v1a,{hook.Signature![3..]}", hook.Body));
    }

    [Fact]
    public async Task AWebhookWithoutItsHeadersIsRefused()
    {
        var hook = await RealWebhookAsync();

        Assert.Throws<WebhookVerificationException>(() => Verifier().Verify(null, hook.Timestamp, hook.Signature, hook.Body));
        Assert.Throws<WebhookVerificationException>(() => Verifier().Verify(hook.Id, "", hook.Signature, hook.Body));
        Assert.Throws<WebhookVerificationException>(() => Verifier().Verify(hook.Id, hook.Timestamp, null, hook.Body));
    }
}

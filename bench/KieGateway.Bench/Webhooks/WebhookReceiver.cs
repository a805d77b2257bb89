using KieGateway.Client;

namespace KieGateway.Bench.Webhooks;

/// <summary>
/// The drill's client-side webhook endpoint, in the bench's own process: verifies each delivery's Standard Webhooks
/// signature with the client library's verifier (as a real receiver would), records it, and answers 200.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    public const string Path = "/webhooks";

    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, Uri url, ReceivedWebhooks received)
    {
        _app = app;
        Url = url;
        Received = received;
    }

    /// <summary>Where the gateway delivers: every video's <c>callbackUrl</c>.</summary>
    public Uri Url { get; }

    public ReceivedWebhooks Received { get; }

    /// <param name="processingMs">
    /// Up to this long between taking a delivery and answering it, as a receiver doing its work would: a gateway killed
    /// meanwhile never sees the 2xx, and sends the event again.
    /// </param>
    public static async Task<WebhookReceiver> StartAsync(int port, string webhookSecret, int processingMs, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var received = new ReceivedWebhooks();
        var verifier = new KieGatewayWebhookVerifier(webhookSecret);
        app.MapPost(Path, async (HttpRequest request) =>
        {
            // The raw body, exactly as sent: the signature covers these bytes, not a re-serialized copy.
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
            try
            {
                var webhook = verifier.Verify(
                    request.Headers["webhook-id"], request.Headers["webhook-timestamp"], request.Headers["webhook-signature"], body);
                received.Accepted(new WebhookDelivery(
                    request.Headers["webhook-id"].ToString(), webhook.Data.Id, webhook.Type, webhook.Data.Error?.Code, DateTimeOffset.UtcNow));
                using (received.Processing())
                {
                    await Task.Delay(Random.Shared.Next(processingMs + 1), CancellationToken.None); // the work is done even if the sender dies
                }

                return Results.Ok();
            }
            catch (WebhookVerificationException ex)
            {
                received.Refused(ex.Message);
                return Results.Unauthorized();
            }
        });
        await app.StartAsync(ct);
        return new WebhookReceiver(app, new Uri($"http://127.0.0.1:{port}{Path}"), received);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using System.Net.Http.Json;

namespace KieGateway.Client;

public sealed partial class KieGatewayClient
{
    /// <summary>The longest <c>Idempotency-Key</c> the gateway takes.</summary>
    public const int MaxIdempotencyKeyLength = 255;

    /// <summary>
    /// Creates a video (<c>202</c>: queued, with its id). The <paramref name="idempotencyKey"/> defaults to a
    /// fresh one per call, kept across the HTTP pipeline's retries, so a retried create never makes a
    /// second video; pass your own (e.g. an order id) to make retries across calls or processes safe too.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The key given is empty, longer than 255 characters, or has a character other than visible ASCII (the gateway's rule).
    /// </exception>
    public Task<Video> CreateVideoAsync(CreateVideoRequest request, string? idempotencyKey = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = IdempotencyKeyOrNew(idempotencyKey);
        var message = Request(HttpMethod.Post, "videos");
        message.Headers.Add("Idempotency-Key", key);
        message.Content = JsonContent.Create(request, KieGatewayJson.Default.CreateVideoRequest);
        return SendAsync(message, KieGatewayJson.Default.Video, ct);
    }

    /// <summary>A caller's mistake in the key is told here, before anything is sent, rather than as the gateway's 400.</summary>
    private static string IdempotencyKeyOrNew(string? key)
    {
        if (key is null)
        {
            return Guid.NewGuid().ToString("N");
        }

        if (key.Length is 0 or > MaxIdempotencyKeyLength || !key.All(c => c is >= '!' and <= '~'))
        {
            throw new ArgumentException(
                $"An idempotency key is 1 to {MaxIdempotencyKeyLength} visible ASCII characters, without spaces (this one has {key.Length} characters).",
                "idempotencyKey");
        }

        return key;
    }
}

using Microsoft.Extensions.Caching.Memory;

namespace KieGateway.Videos;

/// <summary>
/// Finished (completed or failed) videos as their owners read them, kept in memory so that the polls that go on after
/// the end are answered without the store. Safe beside other replicas on the same store: nothing in a finished video's
/// resource changes again (a refresh stands down for a finished video, status is a concurrency token, a finished row is
/// never removed; what a late Kie callback sets, the charge, and webhook deliveries are not part of the resource).
/// </summary>
internal sealed class FinishedVideos : IDisposable
{
    /// <summary>Entries, one per video: a few KB each, so tens of MB at most.</summary>
    public const int Capacity = 10_000;

    // Only to give memory back for videos nobody reads any more: what is kept is never stale, so the real clock will do.
    private static readonly TimeSpan Unread = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>The finished video if it is kept and <paramref name="clientId"/> owns it; anyone else's read goes to the store.</summary>
    public Video? Find(string clientId, string id)
    {
        if (!_cache.TryGetValue(id, out Finished? finished) || finished!.ClientId != clientId)
        {
            return null;
        }

        Telemetry.GatewayTracing.TagVideo(id, clientId, finished.Video.Model); // as a read from the store names it
        return finished.Video;
    }

    /// <summary>Keeps a video read finished from the store and returns it; its lists are copied, so the entry owns them.</summary>
    public Video Keep(string clientId, Video video)
    {
        if (!video.Status.IsTerminal())
        {
            return video;
        }

        var owned = video with
        {
            ImageUrls = [.. video.ImageUrls],
            VideoUrls = [.. video.VideoUrls],
            Metadata = new Dictionary<string, string>(video.Metadata),
        };
        _cache.Set(video.Id, new Finished(clientId, owned), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Unread });
        return owned;
    }

    public void Dispose() => _cache.Dispose();

    private sealed record Finished(string ClientId, Video Video);
}

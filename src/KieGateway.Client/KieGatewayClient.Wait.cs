namespace KieGateway.Client;

public sealed partial class KieGatewayClient
{
    /// <summary>
    /// Waits until the video is <c>completed</c> or <c>failed</c> and returns it. Each read asks the gateway
    /// to hold the answer (<c>?wait=</c>, up to <see cref="KieGatewayClientOptions.LongPollWait"/>), so a
    /// finished video comes back at once without polling; when an answer comes back early anyway (an older
    /// gateway or a proxy that cuts long requests), reads are spaced by <see cref="KieGatewayClientOptions.PollInterval"/>.
    /// </summary>
    /// <param name="id">The video's id.</param>
    /// <param name="timeout">How long to wait at most, on the client's <see cref="TimeProvider"/>; none when null.</param>
    /// <param name="ct">Ends the wait, and the read under way, at once.</param>
    /// <exception cref="TimeoutException">The video had not ended within <paramref name="timeout"/>.</exception>
    public async Task<Video> WaitForCompletionAsync(string id, TimeSpan? timeout = null, CancellationToken ct = default)
    {
        var start = _time.GetUtcNow();
        while (true)
        {
            var asked = _time.GetUtcNow();
            var left = timeout is { } limit ? limit - (asked - start) : _options.LongPollWait;
            var wait = left < _options.LongPollWait ? left : _options.LongPollWait;
            // Whole seconds, at least one: a wait of 0 would make the gateway answer at once.
            var video = await GetVideoAsync(id, Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)), ct).ConfigureAwait(false);
            if (video.IsTerminal)
            {
                return video;
            }

            var now = _time.GetUtcNow();
            if (timeout is { } max && now - start >= max)
            {
                throw new TimeoutException($"Video {video.Id} was still {video.Status} after {max}.");
            }

            var early = _options.PollInterval - (now - asked);
            if (early > TimeSpan.Zero)
            {
                var rest = timeout is { } cap ? cap - (now - start) : early;
                await Task.Delay(early < rest ? early : rest, _time, ct).ConfigureAwait(false);
            }
        }
    }
}

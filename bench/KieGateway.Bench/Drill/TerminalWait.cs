using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using KieGateway.Bench.Webhooks;

namespace KieGateway.Bench.Drill;

/// <summary>
/// After the creates: reads every video the clients were given (<c>GET /videos/{id}</c>, then its
/// <c>/events</c>) until each is terminal and its webhook delivered and received, or the time is up.
/// </summary>
internal sealed class TerminalWait(HttpClient http, ClientTally tally, ReceivedWebhooks received)
{
    public async Task<(IReadOnlyList<VideoFinal> Videos, TimeSpan Took)> RunAsync(IEnumerable<string> videoIds, TimeSpan timeout, CancellationToken ct)
    {
        var videos = new ConcurrentDictionary<string, VideoFinal>(videoIds.Select(id => KeyValuePair.Create(id, new VideoFinal(id, null, null, []))));
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var open = videos.Values.Where(v => !v.IsSettled(received)).ToList();
            if (open.Count == 0 || Stopwatch.GetElapsedTime(started) > timeout)
            {
                return ([.. videos.Values.OrderBy(v => v.Id, StringComparer.Ordinal)], Stopwatch.GetElapsedTime(started));
            }

            await Parallel.ForEachAsync(open, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
                async (video, token) => videos[video.Id] = await ReadAsync(video, token));
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }
    }

    private async Task<VideoFinal> ReadAsync(VideoFinal last, CancellationToken ct)
    {
        var read = last.IsTerminal ? null : await GetAsync($"videos/{last.Id}", ct);
        var video = read?.Status == 200 ? last with { Status = read.VideoStatus, ErrorCode = ErrorCode(read.Body) } : last;
        if (!video.IsTerminal)
        {
            return video;
        }

        var events = await GetAsync($"videos/{last.Id}/events", ct);
        return events.Status == 200 ? video with { Events = Events(events.Body) } : video;
    }

    private async Task<ClientAnswer> GetAsync(string path, CancellationToken ct)
    {
        ClientAnswer answer;
        try
        {
            using var response = await http.GetAsync(path, ct);
            answer = await ClientAnswer.ReadAsync("GET", response, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            answer = ClientAnswer.NoAnswer("GET", ex);
        }

        tally.Record(answer);
        return answer;
    }

    private static string? ErrorCode(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
            && error.TryGetProperty("code", out var code) ? code.GetString() : null;
    }

    private static List<EventView> Events(string body)
    {
        using var json = JsonDocument.Parse(body);
        return [.. json.RootElement.GetProperty("data").EnumerateArray().Select(e => new EventView(
            e.GetProperty("id").GetString()!, e.GetProperty("type").GetString()!, e.GetProperty("status").GetString()!,
            e.TryGetProperty("attempts", out var attempts) ? attempts.GetArrayLength() : 0))];
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace KieGateway.Bench.Runs;

/// <summary>The few gateway calls the bench makes outside wrk: one video created and read to completion.</summary>
internal sealed class GatewayCalls : IDisposable
{
    private readonly HttpClient _http;

    public GatewayCalls(Uri baseUrl, string clientKey)
    {
        _http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(90) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", clientKey);
    }

    /// <summary>
    /// Creates a video and waits (<c>?wait=</c>) until it is completed: the fake finishes every task at its first
    /// status read, which the gateway makes one poll interval after the create.
    /// </summary>
    public async Task<string> CreateCompletedVideoAsync(CancellationToken ct)
    {
        using var created = await _http.PostAsync("videos", new StringContent(BenchRequests.CreateVideo, Encoding.UTF8, "application/json"), ct);
        var id = (await ReadAsync(created, "POST /videos", ct)).GetProperty("id").GetString()!;
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (DateTimeOffset.UtcNow < deadline)
        {
            using var read = await _http.GetAsync($"videos/{id}?wait=20", ct);
            var status = (await ReadAsync(read, $"GET /videos/{id}", ct)).GetProperty("status").GetString();
            if (status == "completed")
            {
                return id;
            }

            if (status == "failed")
            {
                throw new BenchFailure($"bench: the gateway's first video {id} failed instead of completing; see the gateway's log.");
            }
        }

        throw new BenchFailure($"bench: the gateway's first video {id} was not completed within 60 s; see the gateway's log.");
    }

    public async Task<byte[]> GetBytesAsync(string path, CancellationToken ct)
    {
        using var response = await _http.GetAsync(path, ct);
        await EnsureSuccessAsync(response, $"GET /{path}", ct);
        return await response.Content.ReadAsByteArrayAsync(ct);
    }

    public void Dispose() => _http.Dispose();

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        await EnsureSuccessAsync(response, what, ct);
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchFailure($"bench: {what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }
    }
}

using System.Text;

namespace KieGateway.Bench.Runs;

internal static class TargetCheck
{
    /// <summary>
    /// Sends each target's request once before it is measured: a target that answers anything but 2xx fails the
    /// run here, with its answer, instead of yielding a table of fast errors.
    /// </summary>
    public static async Task EnsureAnswersAsync(IEnumerable<Target> targets, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        foreach (var target in targets)
        {
            var request = target.Request;
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
            if (request.Body is { } body)
            {
                message.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            foreach (var header in request.Headers)
            {
                var (name, value) = (header[..header.IndexOf(':', StringComparison.Ordinal)], header[(header.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
                message.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await http.SendAsync(message, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new BenchFailure($"bench: {target.Name} answered {(int)response.StatusCode} to {request.Method} {request.Url}: "
                                       + await response.Content.ReadAsStringAsync(ct));
            }
        }
    }
}

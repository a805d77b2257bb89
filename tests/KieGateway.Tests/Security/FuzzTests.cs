using System.Collections.Concurrent;
using System.Globalization;
using KieGateway.Tests.Infrastructure;
using Xunit.Abstractions;

namespace KieGateway.Tests.Security;

/// <summary>
/// Thousands of generated malformed requests (to /videos, /uploads, /usage and Kie's callback endpoint): none may cost
/// a Kie call or answer 5xx. Every run draws a new seed (set KIEGATEWAY_FUZZ_SEED to replay one); a failure names the
/// seed and each failing request.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output) : GatewayTest
{
    private const int Requests = 3_000;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:AllowPrivateNetworkUrls"] = "false", // private URLs are among the invalid inputs
    };

    [Fact]
    public async Task MalformedRequestsNeverCostAKieCallOrAServerError()
    {
        var seed = Environment.GetEnvironmentVariable("KIEGATEWAY_FUZZ_SEED") is { Length: > 0 } fixedSeed
            ? int.Parse(fixedSeed, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        output.WriteLine($"Fuzz seed {seed} (replay with KIEGATEWAY_FUZZ_SEED={seed})");
        var anonymous = Gateway.CreateClient();
        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();

        await Parallel.ForEachAsync(Enumerable.Range(0, Requests), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            // One Random per request, from the seed and its number: a failure replays whatever ran beside it.
            var request = FuzzRequests.Create(new Random(unchecked(seed * 7919 + i)));
            using var response = await (request.Anonymous ? anonymous : Alice).SendAsync(request.Message, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            if (Judge(request, response, body) is { } failure)
            {
                failures.Add($"#{i} {request.Description} → {(int)response.StatusCode} {failure}: {Excerpt(body)}");
            }
        });

        output.WriteLine("Answers: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(failures.IsEmpty,
            $"Fuzz seed {seed} (replay with KIEGATEWAY_FUZZ_SEED={seed}): {failures.Count} of {Requests} failed\n"
            + string.Join("\n", failures.OrderBy(f => f).Take(20)) + "\nServer errors logged:\n" + string.Join("\n", ServerErrors()));
        Assert.True(Kie.Calls.Count == 0, $"Fuzz seed {seed}: Kie was called {Kie.Calls.Count} times: "
            + string.Join("\n", Kie.Calls.Take(5).Select(c => $"{c.Path} {Excerpt(c.Body)}")));
    }

    /// <summary>Why the answer is wrong, or null when it is right.</summary>
    private static string? Judge(FuzzRequest request, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return "server error";
        }

        if (request.MustBeRefused && status is not (400 or 401 or 413))
        {
            return "an invalid create or upload must answer 400, 401 or 413";
        }

        if (status >= 400 && request.Message.Method != HttpMethod.Head && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"an error must be application/problem+json, not {response.Content.Headers.ContentType}";
        }

        return body.Contains("   at ", StringComparison.Ordinal) ? "a stack trace" : null;
    }

    /// <summary>The distinct exceptions the gateway logged as unhandled, first line of each.</summary>
    private IEnumerable<string> ServerErrors() => Gateway.Log.Lines
        .Where(l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("Unhandled error"))
        .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"\S+Exception: [^\n]*").Value).Distinct().Take(10);

    private static string Excerpt(string text) => text.Length > 300 ? text[..300] + "…" : text;
}

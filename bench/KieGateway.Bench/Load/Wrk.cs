using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace KieGateway.Bench.Load;

/// <summary>
/// Runs Debian's wrk with bench/wrk/report.lua and reads its JSON line. One wrk thread: on two cores the load
/// generator takes one and leaves the other to the target, the same for every target.
/// </summary>
internal sealed class Wrk(string script)
{
    public const int Threads = 1;

    public async Task<WrkResult> RunAsync(WrkRequest request, int connections, TimeSpan duration, CancellationToken ct)
    {
        var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-t", Threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
                     "-d", $"{(int)Math.Ceiling(duration.TotalSeconds)}s", "--timeout", "10s", "-s", script })
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var header in request.Headers)
        {
            info.ArgumentList.Add("-H");
            info.ArgumentList.Add(header);
        }

        info.ArgumentList.Add(request.Url.ToString());
        info.Environment["WRK_METHOD"] = request.Method;
        info.Environment["WRK_BODY"] = request.Body ?? "";

        using var process = Process.Start(info) ?? throw new BenchFailure("bench: could not start wrk.");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(duration + TimeSpan.FromSeconds(30));
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(limit.Token);
            var errors = process.StandardError.ReadToEndAsync(limit.Token);
            await process.WaitForExitAsync(limit.Token);
            return Parse(await output, await errors, request);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    private static WrkResult Parse(string output, string errors, WrkRequest request)
    {
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith('{'));
        return (line is null ? null : JsonSerializer.Deserialize<WrkResult>(line, JsonSerializerOptions.Web))
               ?? throw new BenchFailure($"bench: wrk printed no summary for {request.Method} {request.Url}:\n{output}\n{errors}");
    }
}

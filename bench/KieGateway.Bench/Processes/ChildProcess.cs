using System.Diagnostics;

namespace KieGateway.Bench.Processes;

/// <summary>
/// A process the bench started: its output goes straight to a log file (a shell redirect, then <c>exec</c>, so the
/// pid is the program's own and nothing of ours reads a pipe under load), it can be waited for over HTTP,
/// its memory read from /proc, and it is stopped with SIGTERM, then SIGKILL.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly long _startedAt;

    private ChildProcess(ChildProcessSpec spec, Process process, long startedAt)
    {
        Spec = spec;
        _process = process;
        _startedAt = startedAt;
    }

    public ChildProcessSpec Spec { get; }

    public string Name => Spec.Name;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Time since <see cref="Process.Start()"/> was called.</summary>
    public TimeSpan Uptime => Stopwatch.GetElapsedTime(_startedAt);

    public static ChildProcess Start(ChildProcessSpec spec)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(spec.LogFile))!);
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = spec.WorkingDirectory ?? "" };
        // sh -c '<script>' $0 $1 $2...: the log file first, then the program and its arguments, none of them re-parsed.
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("log=$1; shift; exec \"$@\" >>\"$log\" 2>&1 </dev/null");
        info.ArgumentList.Add(spec.Name);
        info.ArgumentList.Add(spec.LogFile);
        info.ArgumentList.Add(spec.FileName);
        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in spec.Environment)
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(info) ?? throw new InvalidOperationException($"{spec.Name}: could not start {spec.FileName}.");
        return new ChildProcess(spec, process, startedAt);
    }

    /// <summary>
    /// Polls <paramref name="url"/> until it answers 200 and returns the time from the start to that answer.
    /// Fails, with the end of the log, when the process exits or the timeout passes first.
    /// </summary>
    public async Task<TimeSpan> WaitForHttpAsync(Uri url, TimeSpan timeout, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw Failure($"exited with code {_process.ExitCode} before {url} answered");
            }

            try
            {
                using var response = await http.GetAsync(url, ct);
                if (response.IsSuccessStatusCode)
                {
                    return Uptime;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // One probe timed out; the overall timeout decides.
            }

            if (Uptime > timeout)
            {
                throw Failure($"did not answer 200 at {url} within {timeout.TotalSeconds:0} s");
            }

            await Task.Delay(10, ct);
        }
    }

    /// <summary>Resident and peak resident memory (VmRSS, VmHWM) of the process now.</summary>
    public ProcessMemory Memory() => ProcessMemory.Read(Id);

    /// <summary>SIGTERM, then SIGKILL once <paramref name="grace"/> has passed. Safe to call more than once.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        Signals.Terminate(Id);
        using var wait = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
    }

    /// <summary>The last lines of the log, for failure messages.</summary>
    public string LogTail(int lines = 30)
    {
        try
        {
            return string.Join('\n', File.ReadLines(Spec.LogFile).TakeLast(lines));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    public BenchFailure Failure(string what) =>
        new($"{Name} {what}. Log {Spec.LogFile}, last lines:\n{LogTail()}");

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(15));
        _process.Dispose();
    }
}

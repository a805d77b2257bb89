using System.Diagnostics;
using System.Runtime.InteropServices;

namespace KieGateway.Bench.Report;

/// <summary>What the numbers were measured on, for the report's header.</summary>
internal sealed record MachineInfo(string Cpu, int Cores, string Memory, string Kernel, string Dotnet, string Nginx, string Wrk, string LoadAverage)
{
    public static async Task<MachineInfo> ReadAsync(CancellationToken ct)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        var memory = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } line
            ? $"{long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024 / 1024.0:0.0} GiB"
            : "?";
        var kernel = (await File.ReadAllTextAsync("/proc/sys/kernel/osrelease", ct)).Trim();
        return new MachineInfo(cpu, Environment.ProcessorCount, memory, kernel,
            $"{RuntimeInformation.FrameworkDescription} (SDK {await FirstLineAsync("dotnet", "--version", ct)})",
            (await FirstLineAsync("nginx", "-v", ct)).Replace("nginx version: ", "", StringComparison.Ordinal),
            (await FirstLineAsync("wrk", "-v", ct)).Split(" Copyright")[0],
            await ReadLoadAverageAsync(ct));
    }

    /// <summary>The 1, 5 and 15 minute load averages: on a shared machine, how much else wanted the CPUs.</summary>
    public static async Task<string> ReadLoadAverageAsync(CancellationToken ct) =>
        string.Join(", ", (await File.ReadAllTextAsync("/proc/loadavg", ct)).Split(' ').Take(3));

    /// <summary>A tool's version line (nginx writes it to stderr, wrk to stdout).</summary>
    private static async Task<string> FirstLineAsync(string tool, string argument, CancellationToken ct)
    {
        var info = new ProcessStartInfo(tool, argument) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(info);
        if (process is null)
        {
            return "?";
        }

        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return ((await output) + (await errors)).Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "?";
    }
}

using System.Globalization;
using System.Runtime.InteropServices;

namespace KieGateway.Bench.Drill;

/// <summary>What the drill ran on, for the report's header: CPU, cores, memory, kernel, .NET.</summary>
internal static class MachineDescription
{
    public static string Read()
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        var memory = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } line
            ? $"{long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0 / 1024.0:0.0} GiB"
            : "?";
        var kernel = File.ReadAllText("/proc/sys/kernel/osrelease").Trim();
        return $"{cpu}, {Environment.ProcessorCount} cores, {memory} RAM, Linux {kernel}, {RuntimeInformation.FrameworkDescription}";
    }
}

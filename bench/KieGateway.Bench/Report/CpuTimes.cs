using System.Globalization;

namespace KieGateway.Bench.Report;

/// <summary>
/// The machine's CPU time from the first line of /proc/stat. Steal is time the hypervisor gave our virtual CPUs
/// to someone else: a run with much of it measured the neighbours as well.
/// </summary>
internal sealed record CpuTimes(long Total, long Steal)
{
    public static CpuTimes Now()
    {
        try
        {
            // cpu  user nice system idle iowait irq softirq steal guest guest_nice (guest time is already in user)
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            return new CpuTimes(fields.Sum(), fields.Length > 7 ? fields[7] : 0);
        }
        catch (IOException)
        {
            return new CpuTimes(0, 0);
        }
    }

    /// <summary>Steal as a percentage of all CPU time between <paramref name="before"/> and this.</summary>
    public double StealPercentSince(CpuTimes before) =>
        Total > before.Total ? 100.0 * (Steal - before.Steal) / (Total - before.Total) : 0;
}

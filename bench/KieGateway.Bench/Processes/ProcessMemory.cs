using System.Globalization;

namespace KieGateway.Bench.Processes;

/// <summary>A process's resident memory now (VmRSS) and its peak since it started (VmHWM), from /proc/&lt;pid&gt;/status.</summary>
internal sealed record ProcessMemory(long RssBytes, long PeakRssBytes)
{
    public static ProcessMemory Read(int pid)
    {
        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line);
            }
        }

        return new ProcessMemory(rss, peak);
    }

    /// <summary>A process and its children (nginx's master and workers) added up: each one's RSS, and each one's peak.</summary>
    public static ProcessMemory ReadTree(int pid)
    {
        var all = new[] { pid }.Concat(ChildrenOf(pid)).Select(Read).ToList();
        return new ProcessMemory(all.Sum(m => m.RssBytes), all.Sum(m => m.PeakRssBytes));
    }

    private static IEnumerable<int> ChildrenOf(int pid)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue; // not a process, or one that just ended
            }

            // pid (comm) state ppid …: the name may hold spaces, so count from its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields.Length > 1 && fields[1] == pid.ToString(CultureInfo.InvariantCulture)
                && int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out var child))
            {
                yield return child;
            }
        }
    }

    // "VmRSS:     123456 kB"
    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
}

using System.Runtime.InteropServices;

namespace KieGateway.Bench.Processes;

/// <summary>.NET sends only SIGKILL (<see cref="System.Diagnostics.Process.Kill()"/>); a graceful stop needs SIGTERM.</summary>
internal static class Signals
{
    private const int SigTerm = 15;

    /// <summary>Asks the process to stop, as docker stop or systemd would: it may finish what is under way.</summary>
    public static void Terminate(int pid) => _ = Kill(pid, SigTerm);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}

using KieGateway.Bench.Processes;

namespace KieGateway.Bench.Servers;

/// <summary>A server the bench started and measures: how soon it answered, and its memory now.</summary>
internal interface IServerProcess
{
    /// <summary>From the process start to its first 200 on its readiness URL.</summary>
    TimeSpan ReadyAfter { get; }

    ProcessMemory Memory();
}

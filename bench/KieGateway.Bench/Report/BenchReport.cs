using KieGateway.Bench.Runs;

namespace KieGateway.Bench.Report;

/// <summary>Everything one run measured, and what it ran on.</summary>
internal sealed record BenchReport(
    DateTimeOffset Started,
    TimeSpan Took,
    string Command,
    bool Quick,
    MachineInfo Machine,
    BenchPlan Plan,
    MainResults Main,
    ScaleResults Scale,
    double StealPercent,
    string LoadAverageAtEnd)
{
    public IEnumerable<StartFigure> Starts => Scale.Starts.Prepend(Main.Start);

    public PointResult? Read(string target, int connections) => Main.Reads.FirstOrDefault(p => p.Target == target && p.Connections == connections);

    public PointResult? Create(string target, int connections) => Main.Creates.FirstOrDefault(p => p.Target == target && p.Connections == connections);

    public PointResult? ScalePoint(string store, int videos, string endpoint) =>
        Scale.Points.FirstOrDefault(p => p.Store == store && p.Videos == videos && p.Endpoint == endpoint)?.Point;
}

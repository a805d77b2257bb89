namespace KieGateway.Tests.Telemetry;

/// <summary>
/// Tests that read what OpenTelemetry exports run alone, after the parallel ones. A test host's MeterProvider listens
/// to every meter named KieGateway in the process, and every host has one: hosts of other tests starting and stopping
/// beside it (their meters disposed) are the likely reason an OTLP metric export missed this host's instruments for
/// 20 s in one CI run (PostgreSQL; not reproduced alone). Alone, the only meters are this test's.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideTelemetry
{
    public const string Name = "Process-wide telemetry";
}

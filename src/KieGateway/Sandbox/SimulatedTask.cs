namespace KieGateway.Sandbox;

internal enum SimulatedPhase
{
    Waiting,
    Generating,
    Succeeded,
    Failed,
}

/// <summary>A task in the simulator; its phase follows from its age, so it needs no timer.</summary>
internal sealed record SimulatedTask(string TaskId, string Model, string Prompt, DateTimeOffset CreatedAt, string ParamJson)
{
    public SimulatedPhase PhaseAt(DateTimeOffset now, SandboxOptions options)
    {
        var age = now - CreatedAt;
        if (age < options.QueuedFor)
        {
            return SimulatedPhase.Waiting;
        }

        if (age < options.QueuedFor + options.GeneratingFor)
        {
            return SimulatedPhase.Generating;
        }

        return SandboxMarkers.Has(Prompt, SandboxMarkers.Fail) ? SimulatedPhase.Failed : SimulatedPhase.Succeeded;
    }

    public int ProgressAt(DateTimeOffset now, SandboxOptions options)
    {
        var generating = now - CreatedAt - options.QueuedFor;
        return options.GeneratingFor <= TimeSpan.Zero
            ? 100
            : Math.Clamp((int)(100 * generating / options.GeneratingFor), 0, 99);
    }

    public DateTimeOffset CompletedAt(SandboxOptions options) => CreatedAt + options.QueuedFor + options.GeneratingFor;
}

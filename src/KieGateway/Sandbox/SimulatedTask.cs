using System.Globalization;

namespace KieGateway.Sandbox;

internal enum SimulatedPhase
{
    Waiting,
    Generating,
    Succeeded,
    Failed,
}

/// <summary>
/// A task in the simulator; its phase follows from its age, so it needs no timer. Everything a phase depends on
/// is written into the task id as well, so that another replica's simulator, which never saw the create, answers
/// for the task just the same (replicas share the store, not their memory).
/// </summary>
internal sealed record SimulatedTask(string TaskId, string Model, DateTimeOffset CreatedAt, bool Fails, bool NoOutput, string ParamJson)
{
    public static SimulatedTask New(string prefix, string model, DateTimeOffset createdAt, string prompt, string paramJson)
    {
        var fails = SandboxMarkers.Has(prompt, SandboxMarkers.Fail);
        var noOutput = SandboxMarkers.Has(prompt, SandboxMarkers.NoOutput);
        // prefix_model_createdMs_<random hex><F: fails><N: no output>; Kie's own ids are opaque strings too.
        var id = $"{prefix}_{model}_{createdAt.ToUnixTimeMilliseconds()}_{Random.Shared.Next():x8}{(fails ? "F" : "")}{(noOutput ? "N" : "")}";
        return new SimulatedTask(id, model, createdAt, fails, noOutput, paramJson);
    }

    /// <summary>A task this simulator did not create, read back from its id; null for ids it never made.</summary>
    public static SimulatedTask? FromId(string taskId, string prefix)
    {
        var parts = taskId.Split('_');
        var prefixParts = prefix.Split('_').Length;
        if (!taskId.StartsWith(prefix + "_", StringComparison.Ordinal) || parts.Length < prefixParts + 3
            || !long.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out var createdMs))
        {
            return null;
        }

        var model = string.Join('_', parts[prefixParts..^2]);
        var tail = parts[^1];
        return new SimulatedTask(taskId, model, DateTimeOffset.FromUnixTimeMilliseconds(createdMs),
            tail.Contains('F', StringComparison.Ordinal), tail.Contains('N', StringComparison.Ordinal), "{}");
    }

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

        return Fails ? SimulatedPhase.Failed : SimulatedPhase.Succeeded;
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

namespace KieGateway.Bench.Processes;

/// <summary>What to start: the program, its arguments and environment, and the file its output goes to.</summary>
internal sealed record ChildProcessSpec(string Name, string FileName, IReadOnlyList<string> Arguments, string LogFile)
{
    public string? WorkingDirectory { get; init; }

    /// <summary>Added to (or, with a null value, removed from) this process's own environment.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();
}

using System.Numerics;
using System.Globalization;

namespace KieGateway.Bench.FakeKie;

/// <summary>
/// The fake's command line: the key it accepts and the faults it injects into creates (all off by default,
/// so that a benchmark measures the gateway and not the fake).
/// </summary>
internal sealed record FakeKieOptions(string ApiKey, int LatencyMs, double FailRate, double ResetRate, int? Seed)
{
    /// <summary>With <c>--latency-max-ms</c>, each create waits a seeded draw from LatencyMs to this; else LatencyMs.</summary>
    public int LatencyMaxMs { get; init; } = LatencyMs;

    /// <summary>How many status reads of a task answer "generating" before it is finished (0: finished at the first).</summary>
    public int GeneratingReads { get; init; }

    /// <summary>
    /// Reads <c>--api-key</c>, <c>--latency-ms</c>, <c>--latency-max-ms</c>, <c>--fail-rate</c>, <c>--reset-rate</c>,
    /// <c>--seed</c>, <c>--generating-reads</c>; every problem at once.
    /// </summary>
    public static FakeKieOptions Read(IConfiguration configuration, out IReadOnlyList<string> problems)
    {
        var errors = new List<string>();
        var key = configuration["api-key"] ?? "";
        if (key.Length == 0)
        {
            errors.Add("--api-key is required: the Bearer key the fake accepts (any made-up value, never a real Kie key).");
        }

        var latency = Number(configuration, "latency-ms", 0, 0, 600_000, errors);
        var fail = Number(configuration, "fail-rate", 0.0, 0.0, 1.0, errors);
        var reset = Number(configuration, "reset-rate", 0.0, 0.0, 1.0, errors);
        if (fail + reset > 1.0)
        {
            errors.Add($"--fail-rate and --reset-rate add up to more than 1 ({fail} + {reset}).");
        }

        var latencyMax = Number(configuration, "latency-max-ms", latency, latency, 600_000, errors);
        var generatingReads = Number(configuration, "generating-reads", 0, 0, 1000, errors);
        var seed = configuration["seed"] is { } s ? (int?)Number(configuration, "seed", 0, int.MinValue, int.MaxValue, errors) : null;
        problems = errors;
        return new FakeKieOptions(key, (int)latency, fail, reset, seed) { LatencyMaxMs = latencyMax, GeneratingReads = generatingReads };
    }

    private static T Number<T>(IConfiguration configuration, string name, T fallback, T min, T max, List<string> errors)
        where T : struct, INumber<T>
    {
        var text = configuration[name];
        if (text is null)
        {
            return fallback;
        }

        if (T.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add($"--{name} must be a number from {min} to {max} (it is '{text}').");
        return fallback;
    }
}

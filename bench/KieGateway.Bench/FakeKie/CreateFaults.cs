namespace KieGateway.Bench.FakeKie;

internal enum CreateFault
{
    None,

    /// <summary>A 5xx answer; no task was made.</summary>
    Fail,

    /// <summary>The connection is cut before the task is made.</summary>
    ResetBeforeTask,

    /// <summary>The task is made (and charged), then the connection is cut: the answer is lost.</summary>
    ResetAfterTask,
}

/// <summary>Draws the fault for each create from one seeded random source, so that a drill can be repeated.</summary>
internal sealed class CreateFaults(FakeKieOptions options)
{
    private readonly Random _random = options.Seed is { } seed ? new Random(seed) : new Random();
    private readonly Lock _lock = new();

    /// <summary>The create's latency: <c>--latency-ms</c>, or a draw up to <c>--latency-max-ms</c> when that is higher.</summary>
    public int NextLatencyMs()
    {
        if (options.LatencyMaxMs <= options.LatencyMs)
        {
            return options.LatencyMs;
        }

        lock (_lock)
        {
            return _random.Next(options.LatencyMs, options.LatencyMaxMs + 1);
        }
    }

    public CreateFault Next()
    {
        if (options.FailRate == 0 && options.ResetRate == 0)
        {
            return CreateFault.None;
        }

        double draw, half;
        lock (_lock)
        {
            draw = _random.NextDouble();
            half = _random.NextDouble();
        }

        if (draw < options.FailRate)
        {
            return CreateFault.Fail;
        }

        if (draw < options.FailRate + options.ResetRate)
        {
            return half < 0.5 ? CreateFault.ResetBeforeTask : CreateFault.ResetAfterTask;
        }

        return CreateFault.None;
    }
}

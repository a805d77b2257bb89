namespace KieGateway.Bench.Load;

/// <summary>What bench/wrk/report.lua prints when wrk is done; latencies in milliseconds.</summary>
internal sealed record WrkResult(
    long Requests,
    double Seconds,
    double RequestsPerSecond,
    double P50Ms,
    double P99Ms,
    double MaxMs,
    long ConnectErrors,
    long ReadErrors,
    long WriteErrors,
    long Timeouts,
    long Non2xx)
{
    /// <summary>Every request that did not end in a 2xx: socket errors, timeouts and other statuses.</summary>
    public long Errors => ConnectErrors + ReadErrors + WriteErrors + Timeouts + Non2xx;
}

using System.Diagnostics;
using System.Text.Json;
using KieGateway.Kie;

namespace KieGateway.Telemetry;

/// <summary>
/// One Kie call as telemetry sees it: a client span (with the task id, never a header) and one measurement of
/// <c>kiegateway.kie.request.duration</c> when it ends.
/// </summary>
internal sealed class KieCallTelemetry : IDisposable
{
    /// <summary>A call that the account-limit handler answered itself: it never reached Kie.</summary>
    public const string AccountLimit = "account_limit";

    private readonly GatewayMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly string _operation;
    private readonly long _started;
    private readonly Activity? _activity;
    private string _outcome = "error";
    private int? _kieCode;
    private int? _httpStatus;

    public KieCallTelemetry(GatewayMetrics metrics, TimeProvider time, string operation, string? taskId)
    {
        _metrics = metrics;
        _time = time;
        _operation = operation;
        _started = time.GetTimestamp();
        _activity = GatewayTracing.StartKieCall(operation, taskId);
    }

    /// <summary>What came back: Kie's HTTP status and its envelope's code (the span's code is the status, when there was no envelope).</summary>
    public void Answered(int httpStatus, int? kieCode, bool refusedLocally)
    {
        (_kieCode, _httpStatus) = (kieCode, httpStatus);
        _activity?.SetTag(GatewayTracing.HttpStatusCode, httpStatus).SetTag(GatewayTracing.KieCode, kieCode ?? httpStatus);
        if (refusedLocally)
        {
            _outcome = AccountLimit;
        }
    }

    /// <summary>Kie answered with success; a create's new task id joins the span.</summary>
    public void Succeeded(string? taskId)
    {
        _outcome = "success";
        _activity?.SetTag(GatewayTracing.KieTaskId, taskId);
    }

    public void Failed(Exception ex)
    {
        _outcome = _outcome == AccountLimit ? AccountLimit : ex switch
        {
            KieException kie => JsonNamingPolicy.SnakeCaseLower.ConvertName(kie.Failure.ToString()),
            OperationCanceledException => "cancelled",
            _ => "error",
        };
        _activity?.SetStatus(ActivityStatusCode.Error).SetTag(GatewayTracing.ErrorType, _outcome);
    }

    public void Dispose()
    {
        _metrics.KieCalled(_operation, _outcome, _kieCode, _httpStatus, _time.GetElapsedTime(_started));
        _activity?.Dispose();
    }
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace KieGateway.Tests.Infrastructure;

/// <summary>
/// Fault drills on creates (createTask, generate): a plan says what each create suffers, and the fake keeps every task
/// it made, including those whose answer never reached the gateway (Kie made, and charges for, a task nobody heard of).
/// </summary>
public sealed partial class FakeKie
{
    private readonly ConcurrentQueue<MadeTask> _madeTasks = new();
    private readonly ConcurrentDictionary<KieCall, byte> _unanswered = new(ReferenceEqualityComparer.Instance);

    /// <summary>What each create suffers, decided as it arrives (after any scripted answer); unset, every create is answered at once.</summary>
    public Func<KieCall, CreateFault>? CreateFaults { get; set; }

    /// <summary>How long a <see cref="CreateFault.Latency"/> create takes, in real time: far within the gateway's timeout, which runs on its clock.</summary>
    public TimeSpan CreateLatency { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How many tasks Kie made: creates answered with a task id, and creates made into a task whose answer was then lost.</summary>
    public int TasksMade => _madeTasks.Count;

    /// <summary>Every task made, with the create that made it.</summary>
    public IReadOnlyList<MadeTask> MadeTasks => _madeTasks.ToArray();

    /// <summary>Creates made into a task whose answer is held until the gateway gives up on them (<see cref="CreateFault.NoAnswerInTime"/>).</summary>
    public IReadOnlyList<KieCall> CreatesAwaitingGiveUp => _unanswered.Keys.ToList();

    private static bool IsCreate(PathString path) => path == "/api/v1/jobs/createTask" || path == "/api/v1/veo/generate";

    private string MakeTask(string prefix, KieCall call)
    {
        var taskId = $"{prefix}_{Interlocked.Increment(ref _next)}";
        _madeTasks.Enqueue(new MadeTask(taskId, call));
        return taskId;
    }

    private async Task SufferAsync(HttpContext context, KieCall call, CreateFault fault)
    {
        switch (fault)
        {
            case CreateFault.None:
                await WriteAsync(context, Default(context.Request, call));
                break;
            case CreateFault.Latency:
                await Task.Delay(CreateLatency, context.RequestAborted);
                await WriteAsync(context, Default(context.Request, call));
                break;
            case CreateFault.NoAnswerInTime:
                Default(context.Request, call); // made; the answer never goes out
                _unanswered[call] = 0;
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => _unanswered.TryRemove(call, out var _));
                break;
            case CreateFault.ServerError:
                await WriteAsync(context, FakeAnswer.Envelope(500, 500, "Server Error - An unexpected error occurred while processing the request"));
                break;
            case CreateFault.ProxyError:
                await WriteAsync(context, new FakeAnswer(502, "<html><body><h1>502 Bad Gateway</h1></body></html>"));
                break;
            case CreateFault.Maintenance:
                await WriteAsync(context, FakeAnswer.Envelope(200, 455, "The service is under maintenance, please try again later"));
                break;
            case CreateFault.ResetBeforeTask:
                await WriteAsync(context, new FakeAnswer(Drop: true));
                break;
            case CreateFault.ResetAfterTask:
                Default(context.Request, call); // made and charged, but the answer is lost with the connection
                await WriteAsync(context, new FakeAnswer(Drop: true));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, null);
        }
    }
}

/// <summary>What the fake Kie does to one create.</summary>
public enum CreateFault
{
    /// <summary>Makes the task and answers at once.</summary>
    None,

    /// <summary>Makes the task and answers after <see cref="FakeKie.CreateLatency"/>.</summary>
    Latency,

    /// <summary>Makes the task and holds the answer until the gateway gives up (its timeout, on its clock).</summary>
    NoAnswerInTime,

    /// <summary>HTTP 500 with Kie's envelope code 500; makes nothing.</summary>
    ServerError,

    /// <summary>A proxy's 502 page in front of Kie; makes nothing.</summary>
    ProxyError,

    /// <summary>Kie's code 455 (maintenance): a definite refusal; makes nothing.</summary>
    Maintenance,

    /// <summary>Resets the connection before making the task.</summary>
    ResetBeforeTask,

    /// <summary>Makes the task, then resets the connection instead of answering.</summary>
    ResetAfterTask,
}

/// <summary>A task the fake Kie made, and the create that made it.</summary>
public sealed record MadeTask(string TaskId, KieCall Call);

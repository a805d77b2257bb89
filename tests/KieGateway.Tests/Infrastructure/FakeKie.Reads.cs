using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace KieGateway.Tests.Infrastructure;

/// <summary>
/// What the replica tests need of Kie's status reads: a task's records read by read, the number of reads of one
/// task in flight at once (more than one means two refresh owners), a hook that runs while a read is in flight,
/// and the callBackUrl each task was created with.
/// </summary>
public sealed partial class FakeKie
{
    private readonly ConcurrentDictionary<string, RecordSequence> _sequences = new();
    private readonly ConcurrentDictionary<string, int> _inFlight = new();
    private readonly ConcurrentDictionary<string, string> _callbackUrls = new();
    private int _maxInFlight;

    /// <summary>Runs while a status read is in flight, before it is answered (e.g. to send Kie's callback then).</summary>
    public Func<KieCall, Task>? DuringRead { get; set; }

    /// <summary>The most reads of one task that were in flight at the same time.</summary>
    public int MaxReadsInFlightPerTask => Volatile.Read(ref _maxInFlight);

    /// <summary>Sets what record-info / recordInfo answer for a task (the envelope's <c>data</c>).</summary>
    public void SetRecord(string taskId, object data) => SetRecords(taskId, data);

    /// <summary>Answers a task's reads with these records in turn; the last one stays.</summary>
    public void SetRecords(string taskId, params object[] records) =>
        _sequences[taskId] = new RecordSequence(records.Select(r => r as string ?? JsonSerializer.Serialize(r)).ToArray());

    /// <summary>The next answer on <paramref name="path"/> waits until the test gives it.</summary>
    public TaskCompletionSource<FakeAnswer> HoldNext(string path)
    {
        var later = new TaskCompletionSource<FakeAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        Script(path, new FakeAnswer(Later: later.Task));
        return later;
    }

    public Uri? CallbackUrlFor(string taskId) => _callbackUrls.TryGetValue(taskId, out var url) ? new Uri(url) : null;

    private static bool IsStatusRead(PathString path) => path == "/api/v1/jobs/recordInfo" || path == "/api/v1/veo/record-info";

    private async Task<IDisposable?> EnterReadAsync(HttpRequest request, KieCall call)
    {
        if (!IsStatusRead(request.Path))
        {
            return null;
        }

        var taskId = request.Query["taskId"].ToString();
        var now = _inFlight.AddOrUpdate(taskId, 1, (_, n) => n + 1);
        for (var max = _maxInFlight; now > max; max = _maxInFlight)
        {
            Interlocked.CompareExchange(ref _maxInFlight, now, max);
        }

        var left = new Left(() => _inFlight.AddOrUpdate(taskId, 0, (_, n) => n - 1));
        if (DuringRead is { } hook)
        {
            await hook(call);
        }

        return left;
    }

    private string? NextRecord(string taskId) =>
        _sequences.TryGetValue(taskId, out var sequence) ? sequence.Next() : null;

    /// <summary>Remembers the callBackUrl a create passed, under the task id it gets.</summary>
    private string Created(string taskId, HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        if (JsonNode.Parse(reader.ReadToEnd())?["callBackUrl"]?.GetValue<string>() is { } url)
        {
            _callbackUrls[taskId] = url;
        }

        return taskId;
    }

    private sealed class RecordSequence(string[] records)
    {
        private int _reads;

        public string Next() => records[Math.Min(Interlocked.Increment(ref _reads), records.Length) - 1];
    }

    private sealed class Left(Action leave) : IDisposable
    {
        public void Dispose() => leave();
    }
}

using System.Collections.Concurrent;

namespace KieGateway.Jobs;

/// <summary>
/// Lets a <c>GET /videos/{id}?wait=</c> sleep until the video ends: no thread and no Kie call per waiter,
/// just a task completed by whoever stores the terminal state in this process.
/// </summary>
internal sealed class VideoWaiters
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);

    public Task WhenSignalledAsync(string videoId) =>
        _waiting.GetOrAdd(videoId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Signal(string videoId)
    {
        if (_waiting.TryRemove(videoId, out var waiting))
        {
            waiting.TrySetResult();
        }
    }
}

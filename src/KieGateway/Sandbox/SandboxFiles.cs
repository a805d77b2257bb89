namespace KieGateway.Sandbox;

/// <summary>A file the simulated Kie file host keeps, served back at its download URL.</summary>
internal sealed record SandboxFile(byte[] Bytes, string ContentType, DateTimeOffset UploadedAt);

/// <summary>
/// The simulated Kie file host's files, in memory: the newest <see cref="Capacity"/> of them, so that a sandbox
/// left running does not grow without bound. Like Kie, a second file at the same path replaces the first.
/// </summary>
internal sealed class SandboxFiles
{
    public const int Capacity = 50;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SandboxFile> _files = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public void Store(string path, SandboxFile file)
    {
        lock (_gate)
        {
            if (_files.TryAdd(path, file))
            {
                _order.Enqueue(path);
            }
            else
            {
                _files[path] = file;
            }

            while (_order.Count > Capacity)
            {
                _files.Remove(_order.Dequeue());
            }
        }
    }

    public SandboxFile? Find(string path)
    {
        lock (_gate)
        {
            return _files.GetValueOrDefault(path);
        }
    }
}

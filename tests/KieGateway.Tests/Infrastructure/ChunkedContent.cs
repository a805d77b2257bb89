using System.Net;

namespace KieGateway.Tests.Infrastructure;

/// <summary>A body of unknown length, so that it is sent chunked, without Content-Length (as a streaming client sends it).</summary>
public sealed class ChunkedContent : HttpContent
{
    private readonly byte[] _bytes;

    public ChunkedContent(byte[] bytes, string? contentType)
    {
        _bytes = bytes;
        if (contentType is not null)
        {
            Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

namespace KieGateway.Bench.Load;

/// <summary>One kind of request wrk sends over and over: method, URL, body, headers.</summary>
internal sealed record WrkRequest(Uri Url, string Method = "GET", string? Body = null)
{
    public IReadOnlyList<string> Headers { get; init; } = [];
}

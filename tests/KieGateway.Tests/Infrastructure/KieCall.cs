using System.Text.Json;
using System.Text.Json.Nodes;

namespace KieGateway.Tests.Infrastructure;

/// <summary>One request as the fake Kie received it, and which test replica sent it (<see cref="ReplicaTag"/>).</summary>
public sealed record KieCall(string Method, string Path, string Query, string? Authorization, string? ContentType, string Body, string Host,
    string? Replica = null)
{
    public JsonNode Json => JsonNode.Parse(Body)!;
}

/// <summary>A scripted answer: status and body, or a dropped connection, or no answer at all, or an answer the test gives later.</summary>
public sealed record FakeAnswer(int Status = 200, string? Body = null, int? RetryAfterSeconds = null, bool Drop = false, bool Hang = false,
    Task<FakeAnswer>? Later = null)
{
    public static FakeAnswer Envelope(int httpStatus, int code, string msg = "error", object? data = null) =>
        new(httpStatus, JsonSerializer.Serialize(new { code, msg, data }));
}

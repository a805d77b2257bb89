using System.Net;
using System.Text.Json.Nodes;

namespace KieGateway.Sandbox;

/// <summary>An answer in Kie's envelope, with the HTTP status Kie would use.</summary>
internal sealed record SimulatorAnswer(HttpStatusCode Status, JsonObject Body)
{
    public static SimulatorAnswer Ok(JsonNode? data) =>
        new(HttpStatusCode.OK, new JsonObject { ["code"] = 200, ["msg"] = "success", ["data"] = data });

    /// <summary>An error whose HTTP status mirrors the body code (Kie's documented form).</summary>
    public static SimulatorAnswer Error(int code, string message) =>
        new((HttpStatusCode)code, Envelope(code, message));

    /// <summary>The other form Kie uses: HTTP 200 with an error code in the body.</summary>
    public static SimulatorAnswer ErrorInBody(int code, string message) => new(HttpStatusCode.OK, Envelope(code, message));

    /// <summary>The file-upload API's envelope, which adds <c>success</c> (kie-api.md §3.3).</summary>
    public static SimulatorAnswer Uploaded(JsonNode data) =>
        new(HttpStatusCode.OK, new JsonObject { ["success"] = true, ["code"] = 200, ["msg"] = "File uploaded successfully", ["data"] = data });

    public static SimulatorAnswer UploadError(int code, string message) =>
        new((HttpStatusCode)code, new JsonObject { ["success"] = false, ["code"] = code, ["msg"] = message });

    private static JsonObject Envelope(int code, string message) =>
        new() { ["code"] = code, ["msg"] = message, ["data"] = null };
}

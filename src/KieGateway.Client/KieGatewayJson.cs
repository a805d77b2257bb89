using System.Text.Json;
using System.Text.Json.Serialization;

namespace KieGateway.Client;

/// <summary>
/// The gateway's JSON (camelCase, nulls left out so the gateway applies its defaults), generated at
/// build time so the client works trimmed and AOT-compiled.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Video))]
[JsonSerializable(typeof(VideoPage))]
[JsonSerializable(typeof(VideoStatus))]
[JsonSerializable(typeof(CreateVideoRequest))]
[JsonSerializable(typeof(UploadedFile))]
[JsonSerializable(typeof(VideoWebhook))]
internal sealed partial class KieGatewayJson : JsonSerializerContext;

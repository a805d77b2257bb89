using System.Text.Json.Nodes;
using KieGateway.OpenApi;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace KieGateway.Videos;

/// <summary>What Swagger UI shows for the video endpoints: prose and ready-to-send examples.</summary>
internal static class VideosApiDocs
{
    public const string Create = """
        Creates a video with one of the gateway's models (GET /models) and answers 202 with the video resource;
        the Kie task already exists by then. Poll GET /videos/{id} until `status` is `completed` or `failed`, or pass
        `callbackUrl` to receive a signed webhook when it gets there (deliveries: GET /videos/{id}/events).

        Rules: `prompt` 1–10,000 characters, no control characters but tab and line breaks; `aspectRatio` `16:9`
        (default) or `9:16`; Sora models take at most 1 image (first frame) and 10 or 15 seconds; Veo models take 1 or 2
        images (first / last frame) and 8 seconds. `imageUrls` and `callbackUrl` are absolute http(s) URLs of at most
        2,048 characters, and not into loopback, private, link-local or other local networks (unless the operator allows
        them); `metadata` holds at most 16 entries, keys 1–64 and values up to 512 characters, without control characters
        (values may hold tab and line breaks). Bodies are at most 64 KB and 32 levels deep.
        A switched-off model answers 503 `model_unavailable` unless `allowFallback` is true and a fallback is configured.

        Sandbox mode: put `[sandbox:fail]`, `[sandbox:no-output]`, `[sandbox:402]`, `[sandbox:429]` or `[sandbox:500]`
        in the prompt to see the failure paths.
        """;

    private static readonly JsonNode CreateRequest = JsonNode.Parse("""
        {
          "prompt": "A red fox running through fresh snow at sunrise, cinematic",
          "model": "veo-3.1-fast",
          "aspectRatio": "16:9",
          "metadata": { "orderId": "42" }
        }
        """)!;

    private static readonly JsonNode VideoResource = JsonNode.Parse("""
        {
          "id": "vid_019abc0123456789abcdef0123456789",
          "model": "veo-3.1-fast",
          "status": "completed",
          "progress": 100,
          "prompt": "A red fox running through fresh snow at sunrise, cinematic",
          "aspectRatio": "16:9",
          "durationSeconds": 8,
          "imageUrls": [],
          "videoUrls": ["https://tempfile.aiquickdraw.com/v/example.mp4"],
          "metadata": { "orderId": "42" },
          "createdAt": "2026-11-25T13:00:00Z",
          "updatedAt": "2026-11-25T13:02:10Z",
          "completedAt": "2026-11-25T13:02:10Z"
        }
        """)!;

    public static Task CreateExamples(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        OpenApiExamples.SetRequestExample(operation, CreateRequest);
        OpenApiExamples.SetResponseExample(operation, "202", VideoResource);
        return Task.CompletedTask;
    }

    public static Task VideoExample(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        OpenApiExamples.SetResponseExample(operation, "200", VideoResource);
        return Task.CompletedTask;
    }
}

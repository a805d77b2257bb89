using System.Text.Json.Nodes;
using KieGateway.OpenApi;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace KieGateway.Uploads;

/// <summary>What Swagger UI shows for <c>POST /uploads</c>: both body forms and an example answer.</summary>
internal static class UploadsApiDocs
{
    public const string Upload = """
        Stores an image on Kie's file host and answers 201 with its `url` (also the `Location` header) and `expiresAt`.
        Put the URL in a create's `imageUrls` before it expires (Kie keeps uploads 3 days).

        Send either multipart/form-data with a `file` part, or JSON `{ "base64": "…", "fileName": "…" }` (plain base64
        or a `data:` URL). Only JPEG, PNG and WebP are accepted, recognised by their bytes, not by a name or a declared
        type (400 `validation_failed` otherwise); an image may be at most 10 MB (413 `payload_too_large`).
        Nothing is sent to Kie unless the image passes both checks.
        """;

    private static readonly JsonNode JsonExample = JsonNode.Parse("""
        { "base64": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "fileName": "first-frame.png" }
        """)!;

    private static readonly JsonNode Answer = JsonNode.Parse("""
        {
          "url": "https://tempfile.redpandaai.co/kieai/kiegateway/uploads/first-frame-3f9c1e5b2d4f60a8e1c3b5d7.png",
          "expiresAt": "2026-11-28T13:00:00Z",
          "contentType": "image/png",
          "sizeBytes": 68
        }
        """)!;

    /// <summary>
    /// The handler reads the body itself (either form), so the request body is described here; an Accepts
    /// declaration would also make routing refuse every other content type before the handler could explain.
    /// </summary>
    public static async Task Transform(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        OpenApiExamples.SetResponseExample(operation, "201", Answer);
        var content = new Dictionary<string, OpenApiMediaType>();
        operation.RequestBody = new OpenApiRequestBody { Required = true, Content = content };
        content["application/json"] = new OpenApiMediaType
        {
            Schema = await context.GetOrCreateSchemaAsync(typeof(UploadRequest), null, ct),
            Example = JsonExample.DeepClone(),
        };
        content["multipart/form-data"] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "file" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["file"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Format = "binary",
                        Description = "The image: JPEG, PNG or WebP, at most 10 MB.",
                    },
                },
            },
        };
    }
}

using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace KieGateway.OpenApi;

internal static class OpenApiExamples
{
    public static void SetRequestExample(OpenApiOperation operation, JsonNode example)
    {
        if (operation.RequestBody?.Content is { } content)
        {
            foreach (var media in content.Values)
            {
                media.Example = example.DeepClone();
            }
        }
    }

    public static void SetResponseExample(OpenApiOperation operation, string status, JsonNode example)
    {
        if (operation.Responses?.TryGetValue(status, out var response) == true && response.Content is { } content)
        {
            foreach (var media in content.Values)
            {
                media.Example = example.DeepClone();
            }
        }
    }
}

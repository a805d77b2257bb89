using System.Text.Json;
using System.Text.Json.Serialization;

namespace KieGateway.Kie;

/// <summary>Body of <c>POST /api/v1/veo/generate</c> (kie-api.md §1.1), with the current field names.</summary>
internal sealed record VeoGenerateRequest(
    [property: JsonPropertyName("prompt")] string Prompt,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("generationType")] string GenerationType,
    [property: JsonPropertyName("aspect_ratio")] string AspectRatio,
    [property: JsonPropertyName("imageUrls")] IReadOnlyList<string>? ImageUrls,
    [property: JsonPropertyName("callBackUrl")] string? CallBackUrl = null);

/// <summary>The <c>data</c> of <c>GET /api/v1/veo/record-info</c> (kie-api.md §1.2), read liberally.</summary>
internal sealed record VeoRecord(
    string? TaskId,
    int SuccessFlag,
    IReadOnlyList<string> ResultUrls,
    int? ErrorCode,
    string? ErrorMessage,
    DateTimeOffset? CompleteTime)
{
    public static VeoRecord Parse(JsonElement data)
    {
        var response = KieJson.ReadObject(data, "response", "info");
        var urls = response is { } r ? KieJson.ReadStringList(r, "resultUrls", "result_urls") : [];
        return new VeoRecord(
            KieJson.ReadString(data, "taskId", "task_id"),
            KieJson.ReadInt(data, "successFlag", "success_flag") ?? 0,
            // The quickstart shape puts the URLs on data itself.
            urls.Count > 0 ? urls : KieJson.ReadStringList(data, "resultUrls", "result_urls"),
            KieJson.ReadInt(data, "errorCode", "error_code"),
            KieJson.ReadString(data, "errorMessage", "error_message"),
            KieJson.ReadTime(data, "completeTime", "complete_time"));
    }
}

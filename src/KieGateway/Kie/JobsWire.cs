using System.Text.Json;
using System.Text.Json.Serialization;

namespace KieGateway.Kie;

/// <summary>Body of <c>POST /api/v1/jobs/createTask</c> (kie-api.md §2.1).</summary>
internal sealed record JobsCreateTaskRequest(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("input")] JobsVideoInput Input,
    [property: JsonPropertyName("callBackUrl")] string? CallBackUrl = null);

/// <summary>The Sora 2 <c>input</c> object (kie-api.md §2.2); <c>n_frames</c> is a string.</summary>
internal sealed record JobsVideoInput(
    [property: JsonPropertyName("prompt")] string Prompt,
    [property: JsonPropertyName("aspect_ratio")] string AspectRatio,
    [property: JsonPropertyName("n_frames")] string NFrames,
    [property: JsonPropertyName("image_urls")] IReadOnlyList<string>? ImageUrls,
    [property: JsonPropertyName("upload_method")] string UploadMethod = "s3");

/// <summary>The <c>data</c> of <c>GET /api/v1/jobs/recordInfo</c> (kie-api.md §2.3), read liberally.</summary>
internal sealed record JobsRecord(
    string? TaskId,
    string State,
    int? Progress,
    IReadOnlyList<string> ResultUrls,
    string? FailCode,
    string? FailMessage,
    DateTimeOffset? CompleteTime,
    decimal? ConsumeCredits)
{
    public static JobsRecord Parse(JsonElement data)
    {
        var result = KieJson.ReadObject(data, "resultJson");
        return new JobsRecord(
            KieJson.ReadString(data, "taskId", "task_id"),
            (KieJson.ReadString(data, "state", "status") ?? "waiting").ToLowerInvariant(),
            KieJson.ReadInt(data, "progress"),
            result is { } r ? KieJson.ReadStringList(r, "resultUrls", "result_urls") : [],
            KieJson.ReadString(data, "failCode", "fail_code"),
            KieJson.ReadString(data, "failMsg", "fail_msg", "failMessage"),
            KieJson.ReadTime(data, "completeTime", "complete_time"),
            KieJson.Property(data, "consumeCredits") is { } credits ? KieJson.ReadDecimal(credits) : null);
    }
}

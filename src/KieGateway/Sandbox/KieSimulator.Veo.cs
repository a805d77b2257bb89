using System.Text.Json.Nodes;

namespace KieGateway.Sandbox;

internal sealed partial class KieSimulator
{
    private static readonly string[] VeoModels = ["veo3", "veo3_fast", "veo3_lite"];

    private SimulatorAnswer GenerateVeo(JsonNode? body)
    {
        var prompt = body?["prompt"]?.GetValue<string>();
        var model = body?["model"]?.GetValue<string>() ?? "veo3_fast";
        var type = body?["generationType"]?.GetValue<string>() ?? "TEXT_2_VIDEO";
        var ratio = (body?["aspect_ratio"] ?? body?["aspectRatio"])?.GetValue<string>() ?? "16:9";
        var images = body?["imageUrls"] as JsonArray;
        var problem = string.IsNullOrWhiteSpace(prompt) ? "prompt is required"
            : !VeoModels.Contains(model) ? $"Unsupported model: {model}"
            : ratio is not ("16:9" or "9:16" or "Auto") ? "aspect_ratio must be 16:9, 9:16 or Auto"
            : type switch
            {
                "TEXT_2_VIDEO" when images is { Count: > 0 } => "TEXT_2_VIDEO takes no imageUrls",
                "FIRST_AND_LAST_FRAMES_2_VIDEO" when images is not { Count: 1 or 2 } => "FIRST_AND_LAST_FRAMES_2_VIDEO takes 1 or 2 imageUrls",
                "TEXT_2_VIDEO" or "FIRST_AND_LAST_FRAMES_2_VIDEO" or "REFERENCE_2_VIDEO" => null,
                _ => $"Unsupported generationType: {type}",
            };
        return problem is not null
            ? SimulatorAnswer.Error(422, problem)
            : Accept(VeoPrefix, model, prompt!, body!);
    }

    private SimulatorAnswer VeoRecord(string? taskId)
    {
        if (string.IsNullOrEmpty(taskId))
        {
            return SimulatorAnswer.Error(400, "taskId is required");
        }

        if (Find(taskId, VeoPrefix) is not { } task || !task.Model.StartsWith("veo", StringComparison.Ordinal))
        {
            return SimulatorAnswer.Error(422, "record is null");
        }

        var phase = task.PhaseAt(time.GetUtcNow(), options.Value);
        var succeeded = phase == SimulatedPhase.Succeeded;
        var failed = phase == SimulatedPhase.Failed;
        return SimulatorAnswer.Ok(new JsonObject
        {
            ["taskId"] = task.TaskId,
            ["paramJson"] = task.ParamJson,
            ["completeTime"] = succeeded || failed ? KieTime(task.CompletedAt(options.Value)) : null,
            ["response"] = succeeded
                ? new JsonObject
                {
                    ["taskId"] = task.TaskId,
                    ["resultUrls"] = JsonNode.Parse(ResultUrls(task)),
                    ["originUrls"] = new JsonArray(),
                    ["resolution"] = "720p",
                }
                : null,
            ["successFlag"] = succeeded ? 1 : failed ? 3 : 0,
            ["errorCode"] = failed ? 501 : null,
            ["errorMessage"] = failed ? "Generation failed (sandbox:fail)" : "",
            ["createTime"] = KieTime(task.CreatedAt),
            ["fallbackFlag"] = false,
        });
    }
}

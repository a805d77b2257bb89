using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace KieGateway.Sandbox;

/// <summary>
/// An in-memory Kie that follows kie-api.md's wire format: the jobs API for Sora 2, the Veo API,
/// the credit balance and the file-upload API. Tasks move from waiting to generating to done as time passes.
/// </summary>
internal sealed partial class KieSimulator(TimeProvider time, IOptions<SandboxOptions> options, SandboxMediaUrl media, SandboxFiles files)
{
    private static readonly string[] JobsModels =
        ["sora-2-text-to-video", "sora-2-image-to-video", "sora-2-pro-text-to-video", "sora-2-pro-image-to-video"];

    private const string JobsPrefix = "task";
    private const string VeoPrefix = "veo_task";

    private readonly ConcurrentDictionary<string, SimulatedTask> _tasks = new(StringComparer.Ordinal);

    public SimulatorAnswer Handle(HttpMethod method, string path, string? taskId, JsonNode? body) => (method.Method, path) switch
    {
        ("POST", "/api/v1/jobs/createTask") => CreateJobsTask(body),
        ("GET", "/api/v1/jobs/recordInfo") => JobsRecord(taskId),
        ("POST", "/api/v1/veo/generate") => GenerateVeo(body),
        ("GET", "/api/v1/veo/record-info") => VeoRecord(taskId),
        ("GET", "/api/v1/chat/credit") => SimulatorAnswer.Ok(JsonValue.Create(100_000m)),
        _ => SimulatorAnswer.Error(404, "Not found"),
    };

    private SimulatorAnswer CreateJobsTask(JsonNode? body)
    {
        var model = body?["model"]?.GetValue<string>();
        var input = body?["input"] as JsonObject;
        var prompt = input?["prompt"]?.GetValue<string>();
        var problem = model is null || !JobsModels.Contains(model) ? $"Unsupported model: {model}"
            : string.IsNullOrWhiteSpace(prompt) || prompt.Length > 10_000 ? "input.prompt is required (max 10000 characters)"
            : input?["aspect_ratio"]?.GetValue<string>() is { } ar && ar is not ("portrait" or "landscape") ? "input.aspect_ratio must be portrait or landscape"
            : input?["n_frames"] is { } nf && nf.GetValueKind() != System.Text.Json.JsonValueKind.String ? "input.n_frames must be a string"
            : input?["n_frames"]?.GetValue<string>() is { } frames && frames is not ("10" or "15") ? "input.n_frames must be \"10\" or \"15\""
            : model.Contains("image", StringComparison.Ordinal) != (input?["image_urls"] is JsonArray { Count: 1 }) ? "image_urls: exactly 1 image for image-to-video models, none otherwise"
            : null;
        return problem is not null ? SimulatorAnswer.Error(422, problem) : Accept(JobsPrefix, model!, prompt!, body!);
    }

    private SimulatorAnswer JobsRecord(string? taskId)
    {
        if (string.IsNullOrEmpty(taskId))
        {
            return SimulatorAnswer.Error(400, "taskId parameter is required");
        }

        if (Find(taskId, JobsPrefix) is not { } task || task.Model.StartsWith("veo", StringComparison.Ordinal))
        {
            return SimulatorAnswer.Error(404, "Task not found");
        }

        var now = time.GetUtcNow();
        var phase = task.PhaseAt(now, options.Value);
        var done = phase is SimulatedPhase.Succeeded or SimulatedPhase.Failed;
        return SimulatorAnswer.Ok(new JsonObject
        {
            ["taskId"] = task.TaskId,
            ["model"] = task.Model,
            ["state"] = phase switch
            {
                SimulatedPhase.Waiting => "waiting",
                SimulatedPhase.Generating => "generating",
                SimulatedPhase.Succeeded => "success",
                _ => "fail",
            },
            ["param"] = task.ParamJson,
            ["resultJson"] = phase == SimulatedPhase.Succeeded ? $$"""{"resultUrls":{{ResultUrls(task)}}}""" : "",
            ["failCode"] = phase == SimulatedPhase.Failed ? "500" : "",
            ["failMsg"] = phase == SimulatedPhase.Failed ? "Internal server error (sandbox:fail)" : "",
            ["costTime"] = done ? (long)(options.Value.QueuedFor + options.Value.GeneratingFor).TotalMilliseconds : null,
            ["completeTime"] = done ? task.CompletedAt(options.Value).ToUnixTimeMilliseconds() : null,
            ["createTime"] = task.CreatedAt.ToUnixTimeMilliseconds(),
            ["updateTime"] = now.ToUnixTimeMilliseconds(),
            ["progress"] = phase == SimulatedPhase.Generating ? task.ProgressAt(now, options.Value) : done ? 100 : 0,
        });
    }

    /// <summary>A task made here, or one another replica's simulator made (the id says all the simulator needs).</summary>
    private SimulatedTask? Find(string taskId, string prefix) =>
        _tasks.TryGetValue(taskId, out var task) ? task : SimulatedTask.FromId(taskId, prefix);

    private SimulatorAnswer Accept(string prefix, string model, string prompt, JsonNode body)
    {
        // The prompt markers that make create itself fail (kie-api.md §0: both HTTP forms occur).
        if (SandboxMarkers.Has(prompt, SandboxMarkers.InsufficientCredits))
        {
            return SimulatorAnswer.ErrorInBody(402, "Credits insufficient (sandbox:402)");
        }

        if (SandboxMarkers.Has(prompt, SandboxMarkers.RateLimited))
        {
            return SimulatorAnswer.Error(429, "Rate limit exceeded (sandbox:429)");
        }

        if (SandboxMarkers.Has(prompt, SandboxMarkers.ServerError))
        {
            return SimulatorAnswer.Error(500, "Server Error - An unexpected error occurred (sandbox:500)");
        }

        var task = SimulatedTask.New(prefix, model, time.GetUtcNow(), prompt, body.ToJsonString());
        _tasks[task.TaskId] = task;
        return SimulatorAnswer.Ok(new JsonObject { ["taskId"] = task.TaskId });
    }

    private string ResultUrls(SimulatedTask task) => task.NoOutput ? "[]" : $"[\"{media.SampleVideo()}\"]";

    private static string KieTime(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}

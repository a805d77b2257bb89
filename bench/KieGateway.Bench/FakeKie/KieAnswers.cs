using System.Globalization;

namespace KieGateway.Bench.FakeKie;

/// <summary>
/// Kie's answers as kie-api.md shows them (§0 envelope, §1.1–1.2 Veo, §2.1–2.3 jobs, §3.1 credits), built as
/// text: the ids are the fake's own (letters, digits, underscores), so nothing needs escaping.
/// </summary>
internal static class KieAnswers
{
    /// <summary>Task ids carry this run's tag, so a restarted fake never hands out an id twice.</summary>
    public const string VeoPrefix = "veo_bench_";

    public const string JobsPrefix = "task_bench_";

    public const string Unauthorized = """{"code":401,"msg":"You do not have access permissions"}""";

    public const string ServerError = """{"code":500,"msg":"Server Error - An unexpected error occurred while processing the request","data":null}""";

    public const string TaskNotFound = """{"code":404,"msg":"Task not found","data":null}""";

    public const string TaskIdRequired = """{"code":400,"msg":"taskId parameter is required","data":null}""";

    public const string Credits = """{"code":200,"msg":"success","data":1000000}""";

    public static string Created(string taskId) => $$$"""{"code":200,"msg":"success","data":{"taskId":"{{{taskId}}}"}}""";

    /// <summary>record-info of a finished Veo task: <c>successFlag</c> 1 and the video in <c>response.resultUrls</c>.</summary>
    public static string VeoCompleted(string taskId, DateTimeOffset now)
    {
        var time = now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return $$$"""
            {"code":200,"msg":"success","data":{"taskId":"{{{taskId}}}","paramJson":"{\"prompt\":\"bench\",\"model\":\"veo3_fast\"}",
            "completeTime":"{{{time}}}","response":{"taskId":"{{{taskId}}}","resultUrls":["{{{VideoUrl(taskId)}}}"],"originUrls":[],"resolution":"720p"},
            "successFlag":1,"errorCode":null,"errorMessage":"","createTime":"{{{time}}}","fallbackFlag":false}}
            """;
    }

    /// <summary>recordInfo of a finished jobs (Sora 2) task: <c>state</c> success, <c>resultJson</c> a JSON string.</summary>
    public static string JobsCompleted(string taskId, DateTimeOffset now)
    {
        var ms = now.ToUnixTimeMilliseconds();
        return $$$"""
            {"code":200,"msg":"success","data":{"taskId":"{{{taskId}}}","model":"sora-2-text-to-video","state":"success",
            "param":"{\"model\":\"sora-2-text-to-video\",\"input\":{\"prompt\":\"bench\"}}",
            "resultJson":"{\"resultUrls\":[\"{{{VideoUrl(taskId)}}}\"]}","failCode":"","failMsg":"","costTime":1000,
            "completeTime":{{{ms}}},"createTime":{{{ms - 1000}}},"updateTime":{{{ms}}},"progress":100}}
            """;
    }

    /// <summary>A result URL on a reserved name (.invalid): the gateway stores it and never fetches it.</summary>
    private static string VideoUrl(string taskId) => $"https://cdn.bench.invalid/videos/{taskId}.mp4";
}

namespace KieGateway.Tests.Infrastructure;

/// <summary>Task records as Kie's record-info answers them (the envelope's <c>data</c>), and Kie's callbacks.</summary>
public static class KieRecords
{
    public static object VeoCompleted(string taskId = "veo_task_1", string url = "https://cdn.example/v.mp4") =>
        new { taskId, successFlag = 1, response = new { resultUrls = new[] { url } } };

    public static object VeoGenerating(string taskId) => new { taskId, successFlag = 0 };

    /// <summary>The callback Kie posts when a Veo task succeeds (kie-api.md §1.6).</summary>
    public static object VeoCallback(string taskId) => new
    {
        code = 200,
        msg = "Veo3.1 video generated successfully.",
        data = new { taskId, promptJson = "{\"prompt\":\"p\"}", info = new { resultUrls = new[] { "https://cdn.example/a.mp4" } } },
    };
}

namespace KieGateway.Tests.Infrastructure;

/// <summary>Task records as Kie's record-info answers them (the envelope's <c>data</c>).</summary>
public static class KieRecords
{
    public static object VeoCompleted(string taskId = "veo_task_1", string url = "https://cdn.example/v.mp4") =>
        new { taskId, successFlag = 1, response = new { resultUrls = new[] { url } } };
}

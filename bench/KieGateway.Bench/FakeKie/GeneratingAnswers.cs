using System.Globalization;

namespace KieGateway.Bench.FakeKie;

/// <summary>
/// record-info / recordInfo of a task still running (kie-api.md §1.2 <c>successFlag</c> 0, §2.3 <c>state</c>
/// generating), for <c>--generating-reads</c>: a drill needs jobs that are still open when the gateway dies.
/// </summary>
internal static class GeneratingAnswers
{
    public static string Veo(string taskId, DateTimeOffset now)
    {
        var time = now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return $$$"""
            {"code":200,"msg":"success","data":{"taskId":"{{{taskId}}}","paramJson":"{\"prompt\":\"bench\",\"model\":\"veo3_fast\"}",
            "completeTime":null,"response":null,"successFlag":0,"errorCode":null,"errorMessage":"","createTime":"{{{time}}}","fallbackFlag":false}}
            """;
    }

    public static string Jobs(string taskId, DateTimeOffset now)
    {
        var ms = now.ToUnixTimeMilliseconds();
        return $$$"""
            {"code":200,"msg":"success","data":{"taskId":"{{{taskId}}}","model":"sora-2-text-to-video","state":"generating",
            "param":"{\"model\":\"sora-2-text-to-video\",\"input\":{\"prompt\":\"bench\"}}",
            "resultJson":"","failCode":"","failMsg":"","costTime":0,
            "completeTime":null,"createTime":{{{ms - 1000}}},"updateTime":{{{ms}}},"progress":50}}
            """;
    }
}

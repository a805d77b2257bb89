using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KieGateway.Sandbox;

/// <summary>
/// The Kie client's primary handler in Sandbox mode: real HTTP messages in Kie's wire format,
/// answered by the simulator instead of the network. Everything above it runs as in Live mode.
/// </summary>
internal sealed class SandboxKieHandler(KieSimulator simulator) : HttpMessageHandler
{
    private const string UploadPath = "/api/file-stream-upload";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        SimulatorAnswer answer;
        if (request.Headers.Authorization is not { Scheme: "Bearer", Parameter.Length: > 0 })
        {
            answer = SimulatorAnswer.Error(401, "You do not have access permissions");
        }
        else if (request.RequestUri?.AbsolutePath == UploadPath)
        {
            answer = simulator.Upload(request.Content is null ? null : await SimulatedUpload.ReadAsync(request.Content, ct));
        }
        else
        {
            JsonNode? body = null;
            if (request.Content is not null)
            {
                try
                {
                    body = JsonNode.Parse(await request.Content.ReadAsStringAsync(ct));
                }
                catch (JsonException)
                {
                    answer = SimulatorAnswer.Error(400, "Request body is not JSON");
                    return ToResponse(answer, request);
                }
            }

            var taskId = System.Web.HttpUtility.ParseQueryString(request.RequestUri?.Query ?? "")["taskId"];
            answer = simulator.Handle(request.Method, request.RequestUri?.AbsolutePath ?? "/", taskId, body);
        }

        return ToResponse(answer, request);
    }

    private static HttpResponseMessage ToResponse(SimulatorAnswer answer, HttpRequestMessage request)
    {
        var response = new HttpResponseMessage(answer.Status)
        {
            RequestMessage = request,
            Content = new StringContent(answer.Body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if ((int)answer.Status == 429)
        {
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(10));
        }

        return response;
    }
}

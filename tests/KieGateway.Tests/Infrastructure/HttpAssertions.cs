using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KieGateway.Tests.Infrastructure;

public static class HttpAssertions
{
    public static Task<HttpResponseMessage> PostVideoAsync(this HttpClient client, object body) =>
        client.PostAsJsonAsync("/videos", body);

    /// <summary>Asserts a problem+json answer with the given status and code, and returns its body.</summary>
    public static async Task<JsonObject> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(code, body["code"]?.GetValue<string>());
        Assert.Equal((int)status, body["status"]?.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(body["traceId"]?.GetValue<string>()), "every problem carries a traceId");
        Assert.Equal($"https://kiegateway.dev/problems/{code}", body["type"]?.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["title"]?.GetValue<string>()), "every problem has a title");
        Assert.False(string.IsNullOrEmpty(body["detail"]?.GetValue<string>()), "every problem has a detail");
        Assert.True(response.Headers.Contains("X-Correlation-Id"), "every answer carries a correlation id");
        Assert.DoesNotContain("   at ", text); // no stack trace
        return body;
    }

    public static async Task<JsonObject> AssertJsonAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static string Str(this JsonNode? node) => node!.GetValue<string>();

    public static string[] Strings(this JsonNode? node) =>
        node!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    public static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web);
}

using System.Net;
using System.Text;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Videos;

/// <summary>Every rule of POST /videos answers 400 validation_failed, names the field, and costs no Kie call.</summary>
public sealed class CreateVideoValidationTests : GatewayTest
{
    public static TheoryData<string, string> InvalidBodies => new()
    {
        // body, the field the error names
        { """{}""", "prompt" },
        { """{"prompt":""}""", "prompt" },
        { """{"prompt":"   "}""", "prompt" },
        { $$"""{"prompt":"{{new string('x', 10_001)}}"}""", "prompt" },
        { """{"prompt":"p","model":"sora-3"}""", "model" },
        { """{"prompt":"p","aspectRatio":"4:3"}""", "aspectRatio" },
        { """{"prompt":"p","aspectRatio":"landscape"}""", "aspectRatio" },
        { """{"prompt":"p","imageUrls":["not a url"]}""", "imageUrls[0]" },
        { """{"prompt":"p","imageUrls":["ftp://example.com/a.png"]}""", "imageUrls[0]" },
        { """{"prompt":"p","imageUrls":["/relative.png"]}""", "imageUrls[0]" },
        { """{"prompt":"p","callbackUrl":"mailto:ops@example.com"}""", "callbackUrl" },
        { """{"prompt":"p","callbackUrl":"not-absolute"}""", "callbackUrl" },
        { """{"prompt":"p","model":"sora-2","durationSeconds":8}""", "durationSeconds" },
        { """{"prompt":"p","model":"sora-2-pro","durationSeconds":25}""", "durationSeconds" },
        { """{"prompt":"p","model":"veo-3.1","durationSeconds":10}""", "durationSeconds" },
        { """{"prompt":"p","model":"veo-3.1-fast","durationSeconds":15}""", "durationSeconds" },
        { """{"prompt":"p","model":"sora-2","imageUrls":["https://a.example/1.png","https://a.example/2.png"]}""", "imageUrls" },
        { """{"prompt":"p","model":"veo-3.1","imageUrls":["https://a.example/1.png","https://a.example/2.png","https://a.example/3.png"]}""", "imageUrls" },
        { "{\"prompt\":\"p\",\"metadata\":{" + string.Join(",", Enumerable.Range(0, 17).Select(i => $"\"k{i}\":\"v\"")) + "}}", "metadata" },
        { "{\"prompt\":\"p\",\"metadata\":{\"k\":\"" + new string('v', 513) + "\"}}", "metadata" },
        { """{"prompt":"p","metadata":{"":"v"}}""", "metadata" },
        { "{\"prompt\":\"p\",\"metadata\":{\"" + new string('k', 65) + "\":\"v\"}}", "metadata" },
        { "{\"prompt\":\"p\",\"callbackUrl\":\"https://a.example/" + new string('x', 2048) + "\"}", "callbackUrl" },
        // wrong types and unknown fields
        { """{"prompt":42}""", "prompt" },
        { """{"prompt":"p","durationSeconds":"ten"}""", "durationSeconds" },
        { """{"prompt":"p","imageUrls":"https://a.example/1.png"}""", "imageUrls" },
        { """{"prompt":"p","metadata":{"k":1}}""", "metadata" },
        { """{"prompt":"p","allowFallback":"yes"}""", "allowFallback" },
        { """{"prompt":"p","aspect_ratio":"16:9"}""", "aspect_ratio" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task AnInvalidBodyIsAValidationProblemNamingTheField(string body, string field)
    {
        var response = await Alice.PostAsync("/videos", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), $"errors should name '{field}': {problem["errors"]}");
        Assert.Empty(Kie.Calls);
    }

    public static TheoryData<string> MalformedJson => new()
    {
        "{\"prompt\":", "{\"prompt\":\"p\"} trailing", "not json", "[]", "null", "",
        // nested deeper than the API's 32 levels, and deeper than any JSON reader's default
        $"{{\"metadata\":{new string('[', 33)}{new string(']', 33)}}}",
        $"{{\"imageUrls\":{new string('[', 65)}{new string(']', 65)}}}",
        $"{{\"prompt\":{new string('[', 5000)}{new string(']', 5000)}}}",
    };

    [Theory]
    [MemberData(nameof(MalformedJson))]
    public async Task MalformedJsonIsABadRequestNeverAServerError(string body)
    {
        var response = await Alice.PostAsync("/videos", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Empty(Kie.Calls);
    }

    [Theory]
    [InlineData("text/plain", "application/json")]
    [InlineData("application/x-www-form-urlencoded", "application/json")]
    [InlineData("application/json; charset=bogus-8", "charset")]
    [InlineData("application/json; charset=windows-1252", "charset")]
    [InlineData("application/json; charset=", "charset")]
    public async Task AWrongContentTypeOrCharsetIsABadRequest(string contentType, string detailNames)
    {
        var content = new StringContent("""{"prompt":"p"}""");
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await Alice.PostAsync("/videos", content);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains(detailNames, problem["detail"].Str());
        Assert.Empty(Kie.Calls);
    }

    [Fact]
    public async Task AllProblemsOfABodyAreReportedTogether()
    {
        var response = await Alice.PostVideoAsync(new { prompt = "", aspectRatio = "1:1", callbackUrl = "nope" });

        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed"))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("prompt") && errors.ContainsKey("aspectRatio") && errors.ContainsKey("callbackUrl"), errors.ToJsonString());
    }

    [Fact]
    public async Task AValidBodyWithEveryFieldIsAccepted()
    {
        var response = await Alice.PostVideoAsync(new
        {
            prompt = "p",
            model = "sora-2-pro",
            imageUrls = new[] { "https://a.example/1.png" },
            aspectRatio = "9:16",
            durationSeconds = 15,
            callbackUrl = "https://hooks.example.com/kie",
            metadata = new { orderId = "42" },
            allowFallback = false,
        });

        var video = await response.AssertJsonAsync(HttpStatusCode.Accepted);
        Assert.Equal($"/videos/{video["id"].Str()}", response.Headers.Location?.ToString());
        Assert.Equal("queued", video["status"].Str());
        Assert.Equal("https://hooks.example.com/kie", video["callbackUrl"].Str());
        Assert.Equal(["https://a.example/1.png"], video["imageUrls"].Strings());
        Assert.Equal("42", video["metadata"]!["orderId"].Str());
    }

    [Fact]
    public async Task APromptOfExactlyTheLimitAndAnEmptyImageListAreAccepted()
    {
        var response = await Alice.PostVideoAsync(new { prompt = new string('p', 10_000), imageUrls = Array.Empty<string>() });

        await response.AssertJsonAsync(HttpStatusCode.Accepted);
        Assert.Equal("TEXT_2_VIDEO", Assert.Single(Kie.Calls).Json["generationType"].Str());
    }
}

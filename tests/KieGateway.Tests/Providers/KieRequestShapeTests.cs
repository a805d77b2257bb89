using System.Net;
using System.Text.Json.Nodes;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Providers;

/// <summary>The exact body Kie receives for each model, with and without images.</summary>
public sealed class KieRequestShapeTests : GatewayTest
{
    private const string Image1 = "https://images.example.com/first.png";
    private const string Image2 = "https://images.example.com/last.png";

    [Theory]
    [InlineData("sora-2", false, "sora-2-text-to-video")]
    [InlineData("sora-2", true, "sora-2-image-to-video")]
    [InlineData("sora-2-pro", false, "sora-2-pro-text-to-video")]
    [InlineData("sora-2-pro", true, "sora-2-pro-image-to-video")]
    public async Task SoraModelsSendAJobsCreateTaskWithTheirKieModelAndInput(string model, bool withImage, string kieModel)
    {
        var response = await Alice.PostVideoAsync(new
        {
            prompt = "a lighthouse in a storm",
            model,
            aspectRatio = "9:16",
            durationSeconds = 15,
            imageUrls = withImage ? new[] { Image1 } : null,
        });
        await response.AssertJsonAsync(HttpStatusCode.Accepted);

        var call = Assert.Single(Kie.CallsTo("/api/v1/jobs/createTask"));
        Assert.Equal("POST", call.Method);
        Assert.Equal("application/json", call.ContentType?.Split(';')[0]);
        var expectedInput = new JsonObject
        {
            ["prompt"] = "a lighthouse in a storm",
            ["aspect_ratio"] = "portrait",
            ["n_frames"] = "15",
            ["upload_method"] = "s3",
        };
        if (withImage)
        {
            expectedInput["image_urls"] = new JsonArray(Image1);
        }

        var expected = new JsonObject { ["model"] = kieModel, ["input"] = expectedInput };
        Assert.True(JsonNode.DeepEquals(expected, call.Json), $"Kie received {call.Body}");
        Assert.Empty(Kie.CallsTo("/api/v1/veo/generate"));
    }

    [Fact]
    public async Task SoraDefaultsAreLandscapeAndTenSecondsAsAString()
    {
        await (await Alice.PostVideoAsync(new { prompt = "p", model = "sora-2" })).AssertJsonAsync(HttpStatusCode.Accepted);

        var input = Assert.Single(Kie.CallsTo("/api/v1/jobs/createTask")).Json["input"]!;
        Assert.Equal("landscape", input["aspect_ratio"].Str());
        Assert.Equal("10", input["n_frames"].Str());
    }

    [Theory]
    [InlineData("veo-3.1", 0, "veo3", "TEXT_2_VIDEO")]
    [InlineData("veo-3.1", 1, "veo3", "FIRST_AND_LAST_FRAMES_2_VIDEO")]
    [InlineData("veo-3.1", 2, "veo3", "FIRST_AND_LAST_FRAMES_2_VIDEO")]
    [InlineData("veo-3.1-fast", 0, "veo3_fast", "TEXT_2_VIDEO")]
    [InlineData("veo-3.1-fast", 1, "veo3_fast", "FIRST_AND_LAST_FRAMES_2_VIDEO")]
    [InlineData("veo-3.1-fast", 2, "veo3_fast", "FIRST_AND_LAST_FRAMES_2_VIDEO")]
    public async Task VeoModelsSendAVeoGenerateWithTheirKieModelAndGenerationType(string model, int images, string kieModel, string generationType)
    {
        var urls = new[] { Image1, Image2 }.Take(images).ToArray();
        var response = await Alice.PostVideoAsync(new
        {
            prompt = "a cat surfing",
            model,
            aspectRatio = "16:9",
            imageUrls = images > 0 ? urls : null,
        });
        await response.AssertJsonAsync(HttpStatusCode.Accepted);

        var call = Assert.Single(Kie.CallsTo("/api/v1/veo/generate"));
        var expected = new JsonObject
        {
            ["prompt"] = "a cat surfing",
            ["model"] = kieModel,
            ["generationType"] = generationType,
            ["aspect_ratio"] = "16:9",
        };
        if (images > 0)
        {
            expected["imageUrls"] = new JsonArray(urls.Select(u => (JsonNode)u!).ToArray());
        }

        Assert.True(JsonNode.DeepEquals(expected, call.Json), $"Kie received {call.Body}");
        Assert.Equal($"Bearer {FakeKie.ApiKey}", call.Authorization);
        Assert.Empty(Kie.CallsTo("/api/v1/jobs/createTask"));
    }

    [Fact]
    public async Task TheDefaultModelIsVeoFastAndPortraitIsSentAsNineBySixteen()
    {
        var video = await (await Alice.PostVideoAsync(new { prompt = "p", aspectRatio = "9:16" })).AssertJsonAsync(HttpStatusCode.Accepted);

        Assert.Equal("veo-3.1-fast", video["model"].Str());
        Assert.Equal(8, video["durationSeconds"]!.GetValue<int>());
        var call = Assert.Single(Kie.CallsTo("/api/v1/veo/generate"));
        Assert.Equal("9:16", call.Json["aspect_ratio"].Str());
        Assert.Equal("veo3_fast", call.Json["model"].Str());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Sandbox;

/// <summary>In sandbox mode the simulated Kie file host keeps uploads in memory and the gateway serves them back.</summary>
public sealed class SandboxUploadTests : SandboxTest
{
    private async Task<JsonObject> UploadAsync(byte[] image) =>
        await (await Client.PostAsync("/uploads", TestImages.Multipart(image))).AssertJsonAsync(HttpStatusCode.Created);

    private Task<HttpResponseMessage> DownloadAsync(JsonObject upload) =>
        Gateway.CreateClient().GetAsync(new Uri(upload["url"].Str()).AbsolutePath); // no key: public, like Kie's URLs

    [Fact]
    public async Task AnUploadedImageIsServedBackAtItsUrlByteForByte()
    {
        var image = TestImages.WebP(4096);

        var upload = await UploadAsync(image);
        var download = await DownloadAsync(upload);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/webp", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(image, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(Clock.GetUtcNow() + TimeSpan.FromDays(3), DateTimeOffset.Parse(upload["expiresAt"].Str(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ABase64UploadRoundTripsToo()
    {
        var image = TestImages.Jpeg(1000);

        var upload = await (await Client.PostAsJsonAsync("/uploads", new { base64 = Convert.ToBase64String(image) })).AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal(image, await (await DownloadAsync(upload)).Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AnUploadedImageMakesASandboxVideo()
    {
        var url = (await UploadAsync(TestImages.Png()))["url"].Str();

        var response = await Client.PostVideoAsync(new { prompt = "the first frame comes alive", model = "sora-2", imageUrls = new[] { url } });

        Assert.Equal([url], (await response.AssertJsonAsync(HttpStatusCode.Accepted))["imageUrls"].Strings());
    }

    [Fact]
    public async Task AnUnknownSandboxUploadIsNotFound()
    {
        var response = await Gateway.CreateClient().GetAsync("/sandbox/uploads/kiegateway/uploads/nothing-here.png");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task TheSandboxKeepsOnlyItsNewestFiftyUploads()
    {
        var first = await UploadAsync(TestImages.Png(100));
        for (var i = 0; i < 49; i++)
        {
            await UploadAsync(TestImages.Png(100 + i));
        }

        Assert.Equal(HttpStatusCode.OK, (await DownloadAsync(first)).StatusCode);
        await UploadAsync(TestImages.Png(99));
        Assert.Equal(HttpStatusCode.NotFound, (await DownloadAsync(first)).StatusCode);
    }
}

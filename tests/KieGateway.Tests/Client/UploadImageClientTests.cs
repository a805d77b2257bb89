using System.Net;
using KieGateway.Client;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Client;

/// <summary>The typed client uploads images through the running gateway to Kie's file API (the fake's).</summary>
public sealed class UploadImageClientTests : GatewayTest
{
    [Fact]
    public async Task AnUploadedImagesUrlAndExpiryAreAnsweredAndTheUrlWorksInImageUrls()
    {
        using var host = ClientHost.Start(Gateway, Clock);
        var image = TestImages.Png();

        using var stream = new MemoryStream(image);
        var upload = await host.Client.UploadImageAsync(stream, "first frame.png", "image/png");
        var video = await host.Client.CreateVideoAsync(new CreateVideoRequest { Prompt = "the fox wakes up", Model = "veo-3.1", ImageUrls = [upload.Url] });

        var stored = Assert.Single(Kie.Uploads);
        Assert.Equal(image, stored.Bytes);
        Assert.Equal(stored.DownloadUrl, upload.Url);
        Assert.True(upload.ExpiresAt > stored.UploadedAt, "an upload expires after it was made");
        Assert.Equal([upload.Url], video.ImageUrls);
        Assert.Equal([upload.Url], Assert.Single(Kie.CallsTo("/api/v1/veo/generate")).Json["imageUrls"].Strings());
    }

    [Fact]
    public async Task AGifIsATypedValidationFailedAndNeverReachesKie()
    {
        using var host = ClientHost.Start(Gateway, Clock);

        using var stream = new MemoryStream(TestImages.Gif());
        var error = await Assert.ThrowsAsync<KieGatewayException>(() => host.Client.UploadImageAsync(stream, "moving.gif", "image/gif"));

        Assert.Equal((HttpStatusCode.BadRequest, KieGatewayErrorCodes.ValidationFailed), (error.Status, error.Code));
        Assert.Contains("JPEG, PNG or WebP", Assert.Single(error.Errors["file"]));
        Assert.Empty(Kie.Calls);
    }
}

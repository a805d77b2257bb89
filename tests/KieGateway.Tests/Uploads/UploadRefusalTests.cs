using System.Net;
using System.Net.Http.Json;
using System.Text;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Uploads;

/// <summary>Whatever is refused is refused before Kie hears of it.</summary>
public sealed class UploadRefusalTests : GatewayTest
{
    private const int TenMegabytes = 10 * 1024 * 1024;

    public override async Task DisposeAsync()
    {
        Assert.Empty(Kie.Calls); // every test here: not one call to Kie
        await base.DisposeAsync();
    }

    [Theory]
    [InlineData("gif")]
    [InlineData("wave")]
    [InlineData("pdf")]
    [InlineData("text")]
    public async Task AFileThatIsNotJpegPngOrWebpIsRefusedWhateverItClaims(string type)
    {
        var bytes = TestImages.ByName(type);

        var multipart = await Alice.PostAsync("/uploads", TestImages.Multipart(bytes, "innocent.png", "image/png"));
        var base64 = await Alice.PostAsJsonAsync("/uploads", new { base64 = "data:image/png;base64," + Convert.ToBase64String(bytes) });

        Assert.Contains("JPEG, PNG or WebP", (await multipart.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed"))["errors"]!["file"]![0].Str());
        Assert.NotNull((await base64.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed"))["errors"]!["base64"]);
    }

    [Fact]
    public async Task AnImageOverTenMegabytesIsTooLargeInEitherForm()
    {
        var image = TestImages.Png(TenMegabytes + 1);

        var multipart = await Alice.PostAsync("/uploads", TestImages.Multipart(image));
        var base64 = await Alice.PostAsJsonAsync("/uploads", new { base64 = Convert.ToBase64String(image) });

        Assert.Contains("10 MB", (await multipart.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large"))["detail"].Str());
        await base64.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task ARequestBodyOverTheUploadLimitIsRefusedBeforeItIsRead()
    {
        var body = new ByteArrayContent(new byte[15 * 1024 * 1024]);
        body.Headers.ContentType = new("application/json");

        var response = await Alice.PostAsync("/uploads", body);

        Assert.Contains("14 MB", (await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large"))["detail"].Str());
    }

    [Fact]
    public async Task TheUploadLimitIsOnlyForUploadsOtherBodiesKeepTheirs()
    {
        var response = await Alice.PostVideoAsync(new { prompt = new string('a', 70 * 1024) });

        Assert.Contains("64 KB", (await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large"))["detail"].Str());
    }

    public static TheoryData<string, string, string> MalformedBodies => new()
    {
        // content type, body, the field the error names
        { "application/json", """{"fileName":"a.png"}""", "base64" },
        { "application/json", """{"base64":""}""", "base64" },
        { "application/json", """{"base64":"not base64 at all!"}""", "base64" },
        { "application/json", """{"base64":"iVBORw0KGgo=","colour":"red"}""", "colour" },
        { "application/json", """{"base64":""", "base64" },
        { "application/json", "[1, 2]", "body" },
        { "application/json", "null", "base64" },
        { "text/plain", "iVBORw0KGgo=", "body" },
        { "application/x-www-form-urlencoded", "file=iVBORw0KGgo%3D", "file" },
        { "multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--xyz--\r\n", "file" },
        { "multipart/form-data", "--xyz\r\n", "body" },
        { "multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\nab", "body" }, // cut off
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task AMalformedBodyIsAValidationProblemNamingTheField(string contentType, string body, string field)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        var response = await Alice.PostAsync("/uploads", content);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task AnEmptyFileIsRefused()
    {
        var response = await Alice.PostAsync("/uploads", TestImages.Multipart([]));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task UploadsNeedAClientKey()
    {
        var response = await Gateway.CreateClient().PostAsync("/uploads", TestImages.Multipart(TestImages.Png()));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Uploads;

/// <summary>POST /uploads stores an image through Kie's file-upload API, on its own host, and answers its URL and expiry.</summary>
public sealed class UploadTests : GatewayTest
{
    private static readonly TimeSpan DocumentedRetention = TimeSpan.FromDays(3); // kie-api.md §3.3

    private Task<HttpResponseMessage> UploadBase64Async(object body) => Alice.PostAsJsonAsync("/uploads", body);

    private static DateTimeOffset TimeOf(JsonNode? node) => DateTimeOffset.Parse(node.Str(), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task AMultipartImageIsStoredOnKiesFileHostAndItsUrlAndExpiryAreAnswered()
    {
        var image = TestImages.Png();

        var response = await Alice.PostAsync("/uploads", TestImages.Multipart(image, "first frame.png"));

        var upload = await response.AssertJsonAsync(HttpStatusCode.Created);
        var stored = Assert.Single(Kie.Uploads);
        Assert.Equal(image, stored.Bytes);
        Assert.Equal(stored.DownloadUrl, upload["url"].Str());
        Assert.Equal(new Uri(stored.DownloadUrl), response.Headers.Location);
        Assert.Equal(stored.UploadedAt + DocumentedRetention, TimeOf(upload["expiresAt"]));
        Assert.Equal("image/png", upload["contentType"].Str());
        Assert.Equal(image.Length, upload["sizeBytes"]!.GetValue<long>());
    }

    [Fact]
    public async Task TheUploadGoesToTheUploadHostWithTheKieKeyAsKiesDocumentedMultipart()
    {
        await Alice.PostAsync("/uploads", TestImages.Multipart(TestImages.Png(), "../../etc/first frame.png"));

        var call = Assert.Single(Kie.Calls);
        Assert.Equal(Kie.UploadBaseUrl.Authority, call.Host);
        Assert.Equal(("POST", FakeKie.UploadPath), (call.Method, call.Path));
        Assert.Equal($"Bearer {FakeKie.ApiKey}", call.Authorization);
        Assert.StartsWith("multipart/form-data", call.ContentType);
        var stored = Assert.Single(Kie.Uploads);
        Assert.Equal("kiegateway/uploads", stored.UploadPath);
        Assert.Matches("^first-frame-[0-9a-f]{24}\\.png$", stored.FileName); // a harmless stem, a unique name
        Assert.Equal("image/png", stored.ContentType);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ABase64ImageIsStoredTheSameWayPlainOrAsADataUrl(bool dataUrl)
    {
        var image = TestImages.Jpeg();
        var base64 = (dataUrl ? "data:image/jpeg;base64," : "") + Convert.ToBase64String(image);

        var upload = await (await UploadBase64Async(new { base64, fileName = "cat.jpg" })).AssertJsonAsync(HttpStatusCode.Created);

        var stored = Assert.Single(Kie.Uploads);
        Assert.Equal(image, stored.Bytes);
        Assert.StartsWith("cat-", stored.FileName);
        Assert.Equal(stored.DownloadUrl, upload["url"].Str());
        Assert.Equal("image/jpeg", upload["contentType"].Str());
    }

    [Theory]
    [InlineData("png", "image/png", ".png")]
    [InlineData("jpeg", "image/jpeg", ".jpg")]
    [InlineData("webp", "image/webp", ".webp")]
    public async Task TheTypeComesFromTheBytesNotFromTheNameOrTheDeclaredType(string type, string mediaType, string extension)
    {
        var response = await Alice.PostAsync("/uploads", TestImages.Multipart(TestImages.ByName(type), "photo.gif", "image/gif"));

        var upload = await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal(mediaType, upload["contentType"].Str());
        var stored = Assert.Single(Kie.Uploads);
        Assert.Equal(mediaType, stored.ContentType);
        Assert.EndsWith(extension, stored.FileName);
    }

    [Fact]
    public async Task AnImageOfExactlyTenMegabytesIsAccepted()
    {
        var image = TestImages.Png(10 * 1024 * 1024);

        await (await Alice.PostAsync("/uploads", TestImages.Multipart(image))).AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal(image.Length, Assert.Single(Kie.Uploads).Bytes.Length);
    }

    [Fact]
    public async Task TheReturnedUrlWorksInACreatesImageUrls()
    {
        var url = (await (await Alice.PostAsync("/uploads", TestImages.Multipart(TestImages.Png()))).AssertJsonAsync(HttpStatusCode.Created))["url"].Str();

        var video = await (await Alice.PostVideoAsync(new { prompt = "the fox wakes up", model = "veo-3.1", imageUrls = new[] { url } }))
            .AssertJsonAsync(HttpStatusCode.Accepted);

        Assert.Equal([url], video["imageUrls"].Strings());
        var generate = Assert.Single(Kie.CallsTo("/api/v1/veo/generate"));
        Assert.Equal([url], generate.Json["imageUrls"].Strings());
    }

    [Fact]
    public async Task WithoutAnUploadTimeFromKieTheExpiryCountsFromNowWithTheConfiguredRetention()
    {
        Kie.Script(FakeKie.UploadPath, new FakeAnswer(200, """{"success":true,"code":200,"msg":"ok","data":{"downloadUrl":"https://tempfile.redpandaai.co/x/a.png"}}"""));
        await using var gateway = new GatewayFactory(Kie, new Dictionary<string, string?> { ["Kie:UploadRetention"] = "1.00:00:00" }, Clock);

        var upload = await (await gateway.ClientWithKey(TestClients.AliceKey).PostAsync("/uploads", TestImages.Multipart(TestImages.Png())))
            .AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal(Clock.GetUtcNow() + TimeSpan.FromDays(1), TimeOf(upload["expiresAt"]));
        File.Delete(gateway.DatabasePath);
    }

    [Fact]
    public async Task TheEndpointAppearsInOpenApiWithBothBodyFormsAndItsAnswer()
    {
        var document = await (await Gateway.CreateClient().GetAsync("/openapi/v1.json")).AssertJsonAsync(HttpStatusCode.OK);

        var post = document["paths"]!["/uploads"]!["post"]!;
        var content = post["requestBody"]!["content"]!;
        Assert.Equal("binary", content["multipart/form-data"]!["schema"]!["properties"]!["file"]!["format"].Str());
        Assert.NotNull(content["application/json"]!["example"]!["base64"]);
        var created = post["responses"]!["201"]!["content"]!["application/json"]!;
        Assert.NotNull(created["example"]!["expiresAt"]);
        var schema = document["components"]!["schemas"]!["Upload"]!["properties"]!.AsObject();
        Assert.Contains("url", schema.Select(p => p.Key));
        Assert.Contains("expiresAt", schema.Select(p => p.Key));
        var responses = post["responses"]!.AsObject().Select(r => r.Key).ToList();
        Assert.All(new[] { "400", "401", "413", "422", "429", "502", "503", "504" }, status => Assert.Contains(status, responses));
    }
}

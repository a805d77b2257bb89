using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KieGateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KieGateway.Tests.Security;

/// <summary>
/// Input meant to hurt: control characters, quoted charsets, bodies over the limit, JSON too deep, and the server's own
/// request limits (malformed JSON and bad charsets: CreateVideoValidationTests).
/// </summary>
public sealed class HostileInputTests : GatewayTest
{
    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u0007")]
    [InlineData("\u001b[31mred")]
    [InlineData("\u007f")]
    [InlineData("\u0085")]
    [InlineData("\u009b")]
    public async Task APromptWithAControlCharacterIsRefused(string control)
    {
        var response = await Alice.PostVideoAsync(new { prompt = "a fox " + control + " in snow" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("control characters", problem["errors"]!["prompt"]![0].Str());
        Assert.Empty(Kie.Calls);
    }

    [Theory]
    [InlineData("order\u0000id", "42")]
    [InlineData("order\tid", "42")]
    [InlineData("orderId", "4\u001b[2J2")]
    [InlineData("orderId", "42\u0085")]
    public async Task MetadataWithAControlCharacterIsRefused(string key, string value)
    {
        var response = await Alice.PostVideoAsync(new { prompt = "p", metadata = new Dictionary<string, string> { [key] = value } });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("control characters", problem["errors"]!["metadata"]![0].Str());
        Assert.Empty(Kie.Calls);
    }

    [Fact]
    public async Task AChunkedBodyOverTheLimitIsRefusedInTheSameWordsAsOneThatDeclaresItsLength()
    {
        // The in-memory test server enforces no body limit; Kestrel does, as in production, while the body is read.
        await using var kestrel = new GatewayFactory(Kie, time: Clock, database: Gateway.DatabasePath);
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        var client = kestrel.ClientWithKey(TestClients.AliceKey);
        var json = Encoding.UTF8.GetBytes($$"""{"prompt":"{{new string('p', 70_000)}}"}""");

        var (fromServer, chunkedSends) = await RefusedAsync(client, () => new ChunkedContent(json, "application/json"));
        var (fromGateway, declaredSends) = await RefusedAsync(client, () => new ByteArrayContent(json) { Headers = { { "Content-Type", "application/json" } } });

        Assert.Equal("A request body here may be at most 64 KB.", fromServer["detail"].Str());
        Assert.Equal(fromGateway["detail"].Str(), fromServer["detail"].Str());
        Assert.Equal(fromGateway["title"].Str(), fromServer["title"].Str());
        // Sends whose answer was lost to a reset were answered too: by their request lines, with 413 and nothing else.
        var answered = await kestrel.Log.RequestLinesAsync("POST", "/videos", chunkedSends + declaredSends);
        Assert.All(answered, line => Assert.Contains("StatusCode=413", line, StringComparison.Ordinal));
        Assert.Empty(Kie.Calls);
        var listed = await (await client.GetAsync("/videos")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Empty(listed["data"]!.AsArray());
    }

    /// <summary>
    /// Sends a body over the limit until an answer is read, and returns it with the number of sends. Kestrel closes the
    /// connection after the 413 without reading the rest of the body, so each send goes on a connection of its own, and a
    /// send whose answer was overtaken by that close's reset (the client still writing the body) is sent again, a bounded
    /// number of times: such an answer is lost to the client, not wrong. Any answer read must be the 413 problem.
    /// </summary>
    private static async Task<(JsonObject Problem, int Sends)> RefusedAsync(HttpClient client, Func<HttpContent> body)
    {
        const int MaxSends = 10;
        var lost = new List<string>();
        for (var send = 1; send <= MaxSends; send++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/videos") { Content = body() };
            // A pooled connection may be the one the server has just closed after the previous refusal.
            request.Headers.ConnectionClose = true;
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request);
            }
            catch (HttpRequestException ex) when (ex.InnerException is IOException)
            {
                lost.Add(ex.InnerException.Message);
                continue;
            }

            return (await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large"), send);
        }

        Assert.Fail($"Every one of {MaxSends} sends lost its answer to a reset: {string.Join(" | ", lost)}");
        return default;
    }

    [Fact]
    public async Task JsonNestedMoreThan32LevelsDeepIsRefusedForItsDepth()
    {
        // The body and metadata make two levels; the arrays in metadata.k the rest.
        static string Nested(int levels) =>
            """{"prompt":"p","metadata":{"k":""" + new string('[', levels - 2) + new string(']', levels - 2) + "}}";

        var atTheLimit = await Alice.PostAsync("/videos", new StringContent(Nested(32), Encoding.UTF8, "application/json"));
        var overIt = await Alice.PostAsync("/videos", new StringContent(Nested(33), Encoding.UTF8, "application/json"));

        var wrongType = await atTheLimit.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(wrongType["errors"]!.AsObject().ContainsKey("metadata"), wrongType.ToJsonString()); // read, and found not a string
        var tooDeep = await overIt.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("nested more than 32 levels deep", tooDeep["errors"]!["body"]![0].Str());
        Assert.Empty(Kie.Calls);
    }

    [Fact]
    public async Task TabsLineBreaksAndAnyScriptAreKeptAsSent()
    {
        const string Prompt = "Line one\n\tline two\r\nЛиса 狐 🦊 الثعلب";

        var video = await (await Alice.PostVideoAsync(new { prompt = Prompt })).AssertJsonAsync(HttpStatusCode.Accepted);

        Assert.Equal(Prompt, video["prompt"].Str());
        Assert.Equal(Prompt, Assert.Single(Kie.Calls).Json["prompt"].Str());
    }

    [Fact]
    public async Task AQuotedCharsetAsHttpAllowsIsRead()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"prompt":"p"}"""));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=\"utf-8\"");

        await (await Alice.PostAsync("/videos", content)).AssertJsonAsync(HttpStatusCode.Accepted);
    }

    [Fact]
    public void KestrelKeepsItsDefaultHeaderAndUrlLimitsAndNamesNoProduct()
    {
        var kestrel = Gateway.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;
        var defaults = new KestrelServerOptions();

        Assert.Equal(defaults.Limits.MaxRequestHeadersTotalSize, kestrel.Limits.MaxRequestHeadersTotalSize); // 32 KB
        Assert.Equal(defaults.Limits.MaxRequestHeaderCount, kestrel.Limits.MaxRequestHeaderCount); // 100
        Assert.Equal(defaults.Limits.MaxRequestLineSize, kestrel.Limits.MaxRequestLineSize); // 8 KB: path and query
        Assert.Equal(defaults.Limits.Http2.MaxRequestHeaderFieldSize, kestrel.Limits.Http2.MaxRequestHeaderFieldSize);
        Assert.False(kestrel.AddServerHeader);
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;

namespace KieGateway.Client;

/// <summary>
/// KieGateway's <c>/videos</c> and <c>/uploads</c> over one <see cref="HttpClient"/>. Every error answer
/// surfaces as a <see cref="KieGatewayException"/> carrying the problem's <c>code</c>.
/// </summary>
public sealed partial class KieGatewayClient
{
    private readonly HttpClient _http;
    private readonly KieGatewayClientOptions _options;
    private readonly TimeProvider _time;
    private readonly Uri _base;

    /// <summary>For use without DI; with DI, call <c>services.AddKieGatewayClient(...)</c> instead.</summary>
    public KieGatewayClient(HttpClient http, KieGatewayClientOptions options, TimeProvider? time = null)
    {
        var validation = new KieGatewayClientOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(KieGatewayClientOptions), validation.Failures);
        }

        (_http, _options, _time) = (http, options, time ?? TimeProvider.System);
        // Relative paths resolve under the base only when it ends with a slash (a path prefix such as /gateway/).
        var address = options.BaseAddress!.ToString();
        _base = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    /// <summary>Reads a video; another client's id is not found, exactly as an unknown one.</summary>
    public Task<Video> GetVideoAsync(string id, CancellationToken ct = default) => GetVideoAsync(id, wait: null, ct);

    /// <summary>One page of the client's videos, newest first.</summary>
    public Task<VideoPage> ListVideosPageAsync(ListVideosQuery? query = null, string? cursor = null, CancellationToken ct = default)
    {
        var parameters = new List<string>();
        Add(parameters, "status", query?.Status is { } status ? StatusName(status) : null);
        Add(parameters, "model", query?.Model);
        Add(parameters, "limit", query?.PageSize?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(parameters, "cursor", cursor);
        var path = parameters.Count == 0 ? "videos" : "videos?" + string.Join('&', parameters);
        return SendAsync(Request(HttpMethod.Get, path), KieGatewayJson.Default.VideoPage, ct);
    }

    /// <summary>Every video of the client's that matches, newest first, a page at a time as they are enumerated.</summary>
    public async IAsyncEnumerable<Video> ListVideosAsync(ListVideosQuery? query = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        string? cursor = null;
        do
        {
            var page = await ListVideosPageAsync(query, cursor, ct).ConfigureAwait(false);
            foreach (var video in page.Data)
            {
                yield return video;
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }

    /// <summary>Uploads an image (multipart field <c>file</c>) for use in <see cref="CreateVideoRequest.ImageUrls"/>.</summary>
    public Task<UploadedFile> UploadImageAsync(Stream content, string fileName, string contentType, CancellationToken ct = default)
    {
        var file = new StreamContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var message = Request(HttpMethod.Post, "uploads");
        message.Content = new MultipartFormDataContent { { file, "file", fileName } };
        return SendAsync(message, KieGatewayJson.Default.UploadedFile, ct);
    }

    private Task<Video> GetVideoAsync(string id, int? wait, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var path = "videos/" + Uri.EscapeDataString(id) + (wait is { } seconds ? $"?wait={seconds}" : "");
        return SendAsync(Request(HttpMethod.Get, path), KieGatewayJson.Default.Video, ct);
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var message = new HttpRequestMessage(method, new Uri(_base, path));
        // Per request rather than on the HttpClient, so a client shared with other code never leaks the key elsewhere.
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return message;
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage message, JsonTypeInfo<T> type, CancellationToken ct)
    {
        using (message)
        using (var response = await _http.SendAsync(message, ct).ConfigureAwait(false))
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await KieGatewayException.FromResponseAsync(response, _time, ct).ConfigureAwait(false);
            }

            return await response.Content.ReadFromJsonAsync(type, ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"KieGateway answered {(int)response.StatusCode} with an empty body.");
        }
    }

    private static void Add(List<string> parameters, string name, string? value)
    {
        if (value is not null)
        {
            parameters.Add(name + "=" + Uri.EscapeDataString(value));
        }
    }

    // The wire name, as the enum's JSON converter writes it.
    private static string StatusName(VideoStatus status) =>
        System.Text.Json.JsonSerializer.Serialize(status, KieGatewayJson.Default.VideoStatus).Trim('"');
}

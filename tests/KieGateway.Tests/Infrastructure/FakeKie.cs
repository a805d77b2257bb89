using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KieGateway.Tests.Infrastructure;

/// <summary>
/// A fake of Kie that speaks real HTTP on loopback ports (kie-api.md's wire format), records every
/// call and checks the key. Paths answer from a script when one is queued, else with Kie's usual success.
/// The file-upload API answers on a port of its own, as Kie's lives on a host of its own (FakeKie.Uploads.cs);
/// creates can be made to suffer faults, and the tasks made are counted (FakeKie.Faults.cs).
/// </summary>
public sealed partial class FakeKie : IAsyncDisposable
{
    public const string ApiKey = "kie-test-key-7f3a9c1e5b2d4f60a8e1c3b5d7f9a2c4";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<KieCall> _calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeAnswer>> _scripts = new();
    private int _next;

    private FakeKie(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<KieCall> Calls => _calls.ToArray();

    public static async Task<FakeKie> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0", "http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeKie(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToList();
        fake.BaseUrl = new Uri(addresses[0]);
        fake.UploadBaseUrl = new Uri(addresses[1]);
        return fake;
    }

    public IReadOnlyList<KieCall> CallsTo(string path) => Calls.Where(c => c.Path == path).ToList();

    /// <summary>Queues answers for a path, used in order before the default behaviour resumes.</summary>
    public void Script(string path, params FakeAnswer[] answers)
    {
        var queue = _scripts.GetOrAdd(path, _ => new ConcurrentQueue<FakeAnswer>());
        foreach (var answer in answers)
        {
            queue.Enqueue(answer);
        }
    }

    public async Task WaitForCallsAsync(string path, int count, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (CallsTo(path).Count < count)
        {
            await Task.Delay(10, cts.Token);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var call = new KieCall(request.Method, request.Path, request.QueryString.Value ?? "", request.Headers.Authorization.ToString(),
            request.ContentType, Encoding.UTF8.GetString(body.ToArray()), request.Host.Value ?? "", request.Headers[ReplicaTag.Header]);
        _calls.Enqueue(call);
        using var reading = await EnterReadAsync(request, call);

        var uploadHost = request.Host.Port == UploadBaseUrl.Port;
        if (request.Headers.Authorization.ToString() != $"Bearer {ApiKey}")
        {
            await WriteAsync(context, uploadHost
                ? UploadError(401, "Authentication failed: Invalid API Key")
                : FakeAnswer.Envelope(401, 401, "You do not have access permissions"));
            return;
        }

        if (_scripts.TryGetValue(request.Path, out var queue) && queue.TryDequeue(out var scripted))
        {
            await WriteAsync(context, scripted);
            return;
        }

        body.Position = 0;
        request.Body = body;
        if (CreateFaults is { } plan && IsCreate(request.Path))
        {
            await SufferAsync(context, call, plan(call));
            return;
        }

        await WriteAsync(context, uploadHost ? await UploadAsync(request) : Default(request, call));
    }

    private FakeAnswer Default(HttpRequest request, KieCall call)
    {
        var taskId = request.Query["taskId"].ToString();
        switch (request.Path.Value)
        {
            case "/api/v1/jobs/createTask":
                return FakeAnswer.Envelope(200, 200, "success", new { taskId = MakeTask("task_sora", call) });
            case "/api/v1/veo/generate":
                return FakeAnswer.Envelope(200, 200, "success", new { taskId = Created(MakeTask("veo_task", call), request) });
            case "/api/v1/jobs/recordInfo" or "/api/v1/veo/record-info":
                return NextRecord(taskId) is { } record
                    ? new FakeAnswer(200, $$"""{"code":200,"msg":"success","data":{{record}}}""")
                    : FakeAnswer.Envelope(200, 200, "success", new { taskId, state = "waiting", successFlag = 0 });
            case "/api/v1/chat/credit":
                return new FakeAnswer(200, """{"code":200,"msg":"success","data":35.95}""");
            default:
                return FakeAnswer.Envelope(404, 404, "Not found");
        }
    }

    private static async Task WriteAsync(HttpContext context, FakeAnswer answer)
    {
        if (answer.Drop)
        {
            context.Abort();
            return;
        }

        if (answer.Later is { } later)
        {
            await WriteAsync(context, await later.WaitAsync(context.RequestAborted).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : new FakeAnswer(Drop: true)));
            return;
        }

        if (answer.Hang)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { });
            return;
        }

        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.Body ?? "");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

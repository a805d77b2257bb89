using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KieGateway.Tests.Webhooks;

/// <summary>One webhook as the receiver got it, with the test clock's time of arrival, the test replica that sent it and what it answered.</summary>
public sealed record ReceivedWebhook(string Path, string? Id, string? Timestamp, string? Signature, string? ContentType, string Body, DateTimeOffset At,
    string? Replica = null, int AnsweredWith = 0);

/// <summary>
/// A client's webhook endpoint on a real loopback port: records every request and answers from a
/// script (status codes, used in order), then 200.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<DateTimeOffset> _clock;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly ConcurrentQueue<int> _script = new();

    /// <summary>Scripted as a status: the receiver never answers (until the sender gives up).</summary>
    public const int Hang = -1;
    private volatile int _fallback = 200;
    private int _answered;

    private WebhookReceiver(WebApplication app, Func<DateTimeOffset> clock)
    {
        _app = app;
        _clock = clock;
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Where the gateway should post: the receiver's <c>/hooks</c> path.</summary>
    public string HookUrl => new Uri(BaseUrl, "/hooks").ToString();

    public IReadOnlyList<ReceivedWebhook> Received => _received.ToArray();

    /// <summary>How many requests have been answered (one that is held or hangs has arrived but is not answered).</summary>
    public int Answered => Volatile.Read(ref _answered);

    public static async Task<WebhookReceiver> StartAsync(Func<DateTimeOffset> clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, clock);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return receiver;
    }

    /// <summary>Answers these statuses, in order, before the fallback (200 unless <see cref="AnswerAlways"/>).</summary>
    public void Script(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _script.Enqueue(status);
        }
    }

    public void AnswerAlways(int status) => _fallback = status;

    /// <summary>Runs before each answer: a receiver that takes its time.</summary>
    public Func<Task>? BeforeAnswer { get; set; }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers;
        var status = _script.TryDequeue(out var scripted) ? scripted : _fallback;
        _received.Enqueue(new ReceivedWebhook(context.Request.Path, headers["webhook-id"], headers["webhook-timestamp"],
            headers["webhook-signature"], context.Request.ContentType, body, _clock(), headers[Infrastructure.ReplicaTag.Header], status));
        if (status == Hang)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { });
            return;
        }

        if (BeforeAnswer is { } before)
        {
            await before();
        }

        Interlocked.Increment(ref _answered);
        context.Response.StatusCode = status;
        if (status is >= 300 and < 400)
        {
            context.Response.Headers.Location = new Uri(BaseUrl, "/elsewhere").ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

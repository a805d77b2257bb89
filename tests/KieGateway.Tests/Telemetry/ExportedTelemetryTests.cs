using System.Diagnostics;
using KieGateway.Tests.Infrastructure;
using KieGateway.Tests.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace KieGateway.Tests.Telemetry;

/// <summary>
/// A create → complete → webhook run as the OpenTelemetry SDK exports it (its in-memory exporter, beside the
/// gateway's own): what an OTLP collector or the scrape would be given, not what the instruments recorded.
/// </summary>
[Collection(ProcessWideTelemetry.Name)]
public sealed class ExportedTelemetryTests : WebhookTest
{
    // OpenTelemetry listens to meters by name across the process, so other tests' hosts count into this export
    // too: this host's client has an id of its own, and counts are read for it alone.
    private readonly string _client = "alice-" + Guid.NewGuid().ToString("N");
    private readonly List<Metric> _metrics = [];
    private readonly LockedList<Activity> _spans = [];
    private MetricReader _reader = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Gateway:Clients:0:Id"] = _client };

    protected override void ConfigureServices(IServiceCollection services)
    {
        // A reader of the test's own, collected on demand: the periodic export is a minute away.
        _reader = new BaseExportingMetricReader(new InMemoryExporter<Metric>(_metrics));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddReader(_reader));
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
    }

    [Fact]
    public async Task ACreateThatCompletesIsExportedWithItsCountsTimesWebhookAndSpans()
    {
        var id = await FinishVideoAsync(Alice);
        await WaitForHooksAsync(1);
        await EventsWhenAsync(Alice, id, events => events.Single()!["status"].Str() == "delivered"); // its attempt is recorded
        // The attempt is counted, and its span ends, just after it is saved: what the events show is a moment ahead.
        using (var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            while (!SpanNames(id).Contains("webhook deliver"))
            {
                await Task.Delay(10, bound.Token);
            }
        }

        // Collected until the Kie call's duration is among the points (it was missing once in a loaded CI run), within a bound.
        using (var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            while (!(Collect() && KieGenerateExported()))
            {
                await Task.Delay(50, bound.Token);
            }
        }

        Assert.Equal(1, Sum("kiegateway.videos.created", ("client", _client), ("model", "veo-3.1-fast")));
        Assert.Equal(1, Sum("kiegateway.videos.completed", ("client", _client), ("model", "veo-3.1-fast")));
        Assert.Equal(1, Sum("kiegateway.webhooks.attempts", ("client", _client), ("outcome", "delivered")));
        Assert.True(Points("kiegateway.videos.time_to_completion", ("model", "veo-3.1-fast"), ("status", "completed"))
            .Any(p => p.GetHistogramCount() >= 1), "time to completion was not exported");

        var names = SpanNames(id);
        Assert.Contains("kie veo/generate", names);
        Assert.Contains("video refresh", names);
        Assert.Contains("webhook deliver", names);
    }

    private bool KieGenerateExported() =>
        _metrics.Any(m => m.Name == "kiegateway.kie.request.duration")
        && Points("kiegateway.kie.request.duration", ("operation", "veo/generate"), ("outcome", "success"), ("kie.code", "200"))
            .Any(p => p.GetHistogramCount() >= 1);

    private string[] SpanNames(string videoId) =>
        _spans.Snapshot().Where(s => Equals(s.GetTagItem("kiegateway.video.id"), videoId)).Select(s => s.DisplayName).ToArray();

    private long Sum(string name, params (string Key, object Value)[] tags) => Points(name, tags).Sum(p => p.GetSumLong());

    /// <summary>One export, alone in the list: the points read below are all from it.</summary>
    private bool Collect()
    {
        _metrics.Clear();
        return _reader.Collect();
    }

    /// <summary>
    /// The export's points of one instrument that carry these labels. Every test host has a meter of the same name, so
    /// one export may hold the instrument once per host alive: the points are looked for in each.
    /// </summary>
    private List<MetricPoint> Points(string name, params (string Key, object Value)[] tags)
    {
        var exported = _metrics.Where(m => m.Name == name).ToList();
        Assert.True(exported.Count > 0, $"{name} was not exported");
        var points = new List<MetricPoint>();
        foreach (var point in exported.SelectMany(Each))
        {
            if (tags.All(t => HasTag(point, t.Key, t.Value)))
            {
                points.Add(point);
            }
        }

        return points;
    }

    private static List<MetricPoint> Each(Metric metric)
    {
        var points = new List<MetricPoint>();
        foreach (var point in metric.GetMetricPoints())
        {
            points.Add(point);
        }

        return points;
    }

    private static bool HasTag(MetricPoint point, string key, object value)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return Equals(tag.Value, value);
            }
        }

        return false;
    }
}

/// <summary>
/// An exporter's list that a test may read while spans arrive: listeners are process-wide, so other hosts' spans
/// are appended from their own threads at any time.
/// </summary>
public sealed class LockedList<T> : System.Collections.ObjectModel.Collection<T>
{
    private readonly Lock _gate = new();

    public T[] Snapshot()
    {
        lock (_gate)
        {
            return [.. Items];
        }
    }

    protected override void InsertItem(int index, T item)
    {
        lock (_gate)
        {
            base.InsertItem(index, item);
        }
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using KieGateway.Tests.Infrastructure;
using KieGateway.Tests.Telemetry;
using KieGateway.Tests.Webhooks;

namespace KieGateway.Tests.Jobs;

/// <summary>Kie's ten status reads a second go to reads that happen: none to lost claims, unstarted creates or a spent pass.</summary>
public sealed class StatusReadPermitTests : ReplicaTest
{
    protected override bool BackgroundRefresh => false; // reads only when a client asks, or a replica the test starts

    [Fact]
    public async Task AVideoWhoseCreateIsStillWithKieIsNotDueForARefresh()
    {
        using var backlog = Gateway.Metric<long>("kiegateway.jobs.backlog");
        var generate = Kie.HoldNext("/api/v1/veo/generate");
        var creating = Alice.PostVideoAsync(new { prompt = "p" });
        await Kie.WaitForCallsAsync("/api/v1/veo/generate", 1);
        var id = (await (await Alice.GetAsync("/videos")).AssertJsonAsync(HttpStatusCode.OK))["data"]![0]!["id"].Str();
        Clock.Advance(TimeSpan.FromSeconds(30)); // a slow create, longer than a poll interval

        backlog.RecordObservableInstruments();
        var video = await (await Alice.GetAsync($"/videos/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        var row = await RowAsync(Gateway, id);
        var usedReads = await UsedStatusReadsAsync();
        generate.SetResult(FakeAnswer.Envelope(200, 200, "success", new { taskId = "veo_task_9" }));
        await (await creating).AssertJsonAsync(HttpStatusCode.Accepted);

        Assert.Equal(0, backlog.LastMeasurement!.Value);
        Assert.Equal("queued", video["status"].Str());
        Assert.Null(row.LeasedUntil);
        Assert.True(row.NextPollAt > Clock.GetUtcNow(), $"due at {row.NextPollAt}");
        Assert.Equal(0, usedReads);
    }

    [Fact]
    public async Task AReplicaThatLosesTheClaimSpendsNoStatusRead()
    {
        var id = await CreateWithCallbackAsync();
        Clock.Advance(TimeSpan.FromSeconds(5));
        var answerToA = Kie.HoldNext(RecordInfo);
        Task<HttpResponseMessage>? readOnA = null;
        var storeOfB = new StoreHook();
        // B has read the due row; just before B claims it, A claims it and starts reading.
        storeOfB.BeforeCommand = async sql =>
        {
            if (readOnA is null && IsClaim(sql))
            {
                readOnA = Alice.GetAsync($"/videos/{id}");
                await Kie.WaitForCallsAsync(RecordInfo, 1);
            }
        };
        await using var b = Replica("B", store: storeOfB);

        var seenByB = await (await b.ClientWithKey(TestClients.AliceKey).GetAsync($"/videos/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        var usedReads = await UsedStatusReadsAsync();
        // Kie answers A before anything is asserted: a read left hanging would hold up the hosts' shutdown.
        answerToA.SetResult(FakeAnswer.Envelope(200, 200, "success", KieRecords.VeoCompleted("veo_task_1")));
        var seenByA = await (await readOnA!).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("queued", seenByB["status"].Str()); // the stored state
        Assert.Equal(1, usedReads); // A's
        Assert.Equal("completed", seenByA["status"].Str());
        Assert.Equal(["A"], Kie.CallsTo(RecordInfo).Select(c => c.Replica));
    }

    [Fact]
    public async Task ARefreshPassEndsAtTheFirstReadTheAccountLimitRefuses()
    {
        var ids = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add(await CreateWithCallbackAsync());
        }

        var storeOfB = new StoreHook();
        var claimsPerPass = new ConcurrentDictionary<int, int>();
        var pass = 0;
        storeOfB.BeforeCommand = sql =>
        {
            if (IsListOfDueJobs(sql))
            {
                Interlocked.Increment(ref pass); // a pass starts with the list of due jobs
            }
            else if (IsClaim(sql))
            {
                claimsPerPass.AddOrUpdate(Volatile.Read(ref pass), 1, (_, n) => n + 1);
            }

            return Task.CompletedTask;
        };
        // All ten fall due; a client reads two of them on replica C, which uses up the account's two reads of this second.
        var twoReads = new Dictionary<string, string?>(Settings) { ["Jobs:StatusReadsPerSecond"] = "2" };
        await using var c = Replica("C", twoReads);
        var onC = c.ClientWithKey(TestClients.AliceKey);
        Clock.Advance(TimeSpan.FromSeconds(5));
        await (await onC.GetAsync($"/videos/{ids[^1]}")).AssertJsonAsync(HttpStatusCode.OK);
        await (await onC.GetAsync($"/videos/{ids[^2]}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, Kie.CallsTo(RecordInfo).Count);

        var refreshing = new Dictionary<string, string?>(twoReads) { ["Jobs:BackgroundRefresh"] = "true" };
        await using var b = Replica("B", refreshing, store: storeOfB);
        _ = b.Server; // its first pass starts at once, within the same second
        using (var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            while (claimsPerPass.IsEmpty)
            {
                await Task.Delay(10, bound.Token);
            }
        }

        // A Kie callback wakes the refresher: its next pass starts, at the same instant, once this one has ended.
        await b.CreateClient().PostAsJsonAsync(Kie.CallbackUrlFor("veo_task_3")!.AbsolutePath, KieRecords.VeoCallback("veo_task_3"));
        var passWithClaims = claimsPerPass.Keys.Min();
        using (var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            while (Volatile.Read(ref pass) <= passWithClaims)
            {
                await Task.Delay(10, bound.Token);
            }
        }

        // B's first claim was refused a read, and its pass stopped there: not eight claims handed back one by one.
        Assert.Equal(1, claimsPerPass[passWithClaims]);
        Assert.Equal(2, Kie.CallsTo(RecordInfo).Count);
    }

    [Fact]
    public async Task ThroughABacklogTheRefresherReadsTheListOfDueJobsEverySecond()
    {
        for (var i = 0; i < 10; i++)
        {
            await CreateWithCallbackAsync();
        }

        var lists = 0;
        var storeOfB = new StoreHook
        {
            BeforeCommand = sql =>
            {
                if (IsListOfDueJobs(sql))
                {
                    Interlocked.Increment(ref lists);
                }

                return Task.CompletedTask;
            },
        };
        var refreshing = new Dictionary<string, string?>(Settings) { ["Jobs:BackgroundRefresh"] = "true", ["Jobs:StatusReadsPerSecond"] = "2" };
        await using var b = Replica("B", refreshing, store: storeOfB);
        _ = b.Server;
        var before = Volatile.Read(ref lists);

        Clock.Advance(TimeSpan.FromSeconds(5)); // all ten fall due; the account allows B two reads a second
        await AdvanceUntilAsync(() => Kie.CallsTo(RecordInfo).Count >= 6, TimeSpan.FromMilliseconds(100));

        // Three seconds' reads, each from a list read that second (a job due or woken since is in it): not one list of
        // ten worked through over five seconds.
        Assert.True(Volatile.Read(ref lists) - before >= 3, $"{Volatile.Read(ref lists) - before} lists of due jobs");
    }

    // A refresher's pass starts with the list of due jobs, the one query ordered by when they fall due.
    private static bool IsListOfDueJobs(string sql) => System.Text.RegularExpressions.Regex.IsMatch(sql, "ORDER BY \\S+\"NextPollAt\"\\s+LIMIT");

    // A claim is the one UPDATE that asks for a job both due and unleased (both stores quote these columns alike).
    private static bool IsClaim(string sql) =>
        sql.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
        && sql.Contains("\"NextPollAt\" IS NULL OR", StringComparison.Ordinal) && sql.Contains("\"LeasedUntil\" IS NULL OR", StringComparison.Ordinal);
}

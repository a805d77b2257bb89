using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using KieGateway.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace KieGateway.Tests.Webhooks;

/// <summary>Three gateways on one store share the work: one reader per job at a time, every event sent once.</summary>
public sealed class ReplicaTests : ReplicaTest
{
    private const int Jobs = 100;

    [Fact]
    public async Task ThreeReplicasShareAHundredJobsWithOneReaderAtATimeAndSendEachWebhookOnce()
    {
        var ids = new List<string>();
        for (var i = 0; i < Jobs; i++)
        {
            ids.Add(await CreateWithCallbackAsync($"job {i}"));
        }

        // Each job is generating for 2 or 3 reads, then done: it is read several times, by whichever replica claims it.
        var expectedReads = new Dictionary<string, int>();
        for (var task = 1; task <= Jobs; task++)
        {
            var taskId = $"veo_task_{task}";
            var generating = 2 + (task % 2);
            Kie.SetRecords(taskId, [.. Enumerable.Repeat(KieRecords.VeoGenerating(taskId), generating), KieRecords.VeoCompleted(taskId, $"https://cdn.example/{task}.mp4")]);
            expectedReads[taskId] = generating + 1;
        }

        await using var b = Replica("B");
        await using var c = Replica("C");
        var hosts = new[] { Gateway, b, c };
        var firstReads = new ConcurrentDictionary<string, bool>();
        var callbackAnswers = new ConcurrentBag<HttpStatusCode>();
        // While a job's first read is in flight, Kie calls back, twice (it repeats callbacks), to two replicas, and the
        // read lasts past a refresher tick: a job made due by a callback must not go to a second reader meanwhile.
        Kie.DuringRead = async call =>
        {
            var taskId = TaskOf(call);
            if (!firstReads.TryAdd(taskId, true))
            {
                return;
            }

            var n = int.Parse(taskId["veo_task_".Length..], System.Globalization.CultureInfo.InvariantCulture);
            foreach (var host in new[] { hosts[n % 3], hosts[(n + 1) % 3] })
            {
                var answer = await host.CreateClient().PostAsJsonAsync(Kie.CallbackUrlFor(taskId)!.AbsolutePath, KieRecords.VeoCallback(taskId));
                callbackAnswers.Add(answer.StatusCode);
            }

            await ClockMovesOnAsync(TimeSpan.FromSeconds(1.2));
        };
        // Receivers take their time too: a dispatcher busy with its batch leaves newly due events to the others.
        Receiver.BeforeAnswer = () => ClockMovesOnAsync(TimeSpan.FromSeconds(1.2));

        await AdvanceUntilAsync(() => Receiver.Answered >= Jobs, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(120));
        // The clock stands still until every delivery is recorded: a fake hour passing mid-request would time it out.
        foreach (var id in ids)
        {
            await EventsWhenAsync(Alice, id, e => e.Count == 1 && e[0]!["status"].Str() == "delivered");
        }

        for (var i = 0; i < 5; i++)
        {
            Clock.Advance(TimeSpan.FromMinutes(10)); // time for any further read or second delivery to show
            await EventsWhenAsync(Alice, ids[0], _ => true);
        }

        var reads = Kie.CallsTo(RecordInfo);
        Assert.All(expectedReads, job => Assert.Equal(job.Value, reads.Count(r => TaskOf(r) == job.Key)));
        Assert.Equal(1, Kie.MaxReadsInFlightPerTask);
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 2 * Jobs), callbackAnswers);
        Assert.Equal(Jobs, Hooks.Count);
        Assert.Equal(Jobs, Hooks.Select(h => h.Id).Distinct().Count());
        Assert.All(new[] { "A", "B", "C" }, replica =>
        {
            Assert.Contains(reads, r => r.Replica == replica);
            Assert.Contains(Hooks, h => h.Replica == replica);
        });
        var video = await (await Alice.GetAsync($"/videos/{ids[^1]}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("completed", video["status"].Str());
    }

    [Fact]
    public async Task TheSameIdempotencyKeyOnTwoReplicasAtOnceMakesOneKieTaskAndOneVideo()
    {
        await using var other = Replica("B");
        var clients = new[] { Alice, other.ClientWithKey(TestClients.AliceKey) };

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/videos")
            {
                Content = new StringContent("""{"prompt":"once"}""", System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", "across-replicas");
            return clients[i % 2].SendAsync(request);
        }));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.Conflict }));
        var accepted = await Task.WhenAll(responses.Where(r => r.StatusCode == HttpStatusCode.Accepted)
            .Select(async r => (await r.AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str()));
        Assert.NotEmpty(accepted);
        Assert.Single(accepted.Distinct());
        Assert.Single(Kie.CallsTo("/api/v1/veo/generate"));
    }

    private static string TaskOf(KieCall call) => QueryHelpers.ParseQuery(call.Query)["taskId"].ToString();
}

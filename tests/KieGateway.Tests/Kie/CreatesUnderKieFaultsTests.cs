using System.Net;
using System.Text;
using System.Text.Json;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Kie;

/// <summary>
/// Issue 6's fault drill, the part that fits as a test: forty clients create at once, each resending its request with
/// its own Idempotency-Key after any 5xx, while Kie's creates are slow, fail, or lose their answer to a reset or a
/// timeout. Kie never makes two tasks for one key, every task it makes is one a client was told about (accepted, or
/// named in an outcome-unknown answer), and every 5xx is an honest upstream problem.
/// </summary>
public sealed partial class CreatesUnderKieFaultsTests : GatewayTest
{
    private const int Keys = 40;
    private const int MaxSends = 4;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        // Kie's account limit (AccountLimitTests) would answer some creates itself, before they reach Kie and its faults.
        ["Kie:CreateLimit"] = "1000",
    };

    [Fact]
    public async Task RetriedCreatesNeverMakeTwoKieTasksForOneKeyAndEveryFailureIsAnHonestUpstreamProblem()
    {
        var plan = new FaultPlan();
        Kie.CreateFaults = plan.Next;
        var sends = new Sends(Kie, Clock);

        var drill = Task.WhenAll(Enumerable.Range(0, Keys).Select(key => CreateWithRetriesAsync(key, sends)));
        await sends.MoveClockWhileAsync(drill);
        var results = await drill;

        var bare = results.SelectMany(r => r.Answers).Count(a => a?.StatusCode == HttpStatusCode.InternalServerError);
        Assert.True(bare == 0, $"{bare} answers were a bare 500");
        var accepted = new Dictionary<int, string>();
        var outcomeUnknown = new Dictionary<int, string>();
        foreach (var (key, answers) in results)
        {
            var faults = plan.AppliedTo(key);
            Assert.True(faults.Count > 0, $"key {key}: its create never reached Kie");
            // The gateway sends a key's create again only after Kie refused it outright, never after an outcome it could not know.
            Assert.True(faults.SkipLast(1).All(fault => fault == CreateFault.Maintenance),
                $"key {key}: Kie got its create again after {string.Join(", ", faults.SkipLast(1))}");
            var made = Kie.MadeTasks.Count(t => KeyOf(t.Call) == key);
            Assert.True(made == (MakesATask(faults[^1]) ? 1 : 0), $"key {key}: Kie made {made} tasks, its creates suffered {string.Join(", ", faults)}");
            Assert.All(answers, answer => Assert.True(answer is not null, $"key {key}: a send went unanswered for 30 s"));

            string? videoId = null;
            for (var send = 0; send < answers.Count; send++)
            {
                // A send after the key's last Kie call replays that call's answer.
                var (status, code) = ExpectedFor(faults[Math.Min(send, faults.Count - 1)]);
                if (code is null)
                {
                    accepted[key] = (await answers[send]!.AssertJsonAsync(status))["id"].Str();
                    continue;
                }

                var problem = await answers[send]!.AssertProblemAsync(status, code);
                if (status == HttpStatusCode.ServiceUnavailable)
                {
                    Assert.Null(problem["videoId"]); // refused outright: nothing was made, nothing to follow
                }
                else
                {
                    // The create's outcome is unknown: the answer names the video, and every replay names the same one.
                    videoId ??= problem["videoId"].Str();
                    Assert.Equal(videoId, problem["videoId"].Str());
                    outcomeUnknown[key] = videoId;
                }
            }

            Assert.True(accepted.ContainsKey(key) || answers.Count == MaxSends, $"key {key}: the client stopped resending early");
        }

        // Tasks Kie made: one per accepted key, and one per outcome-unknown key whose answer was lost after Kie made it.
        var paidUnheard = outcomeUnknown.Keys.Count(key => MakesATask(plan.AppliedTo(key)[^1]));
        Assert.True(paidUnheard > 0, "the drill lost the answer to at least one create that Kie made");
        Assert.Equal(accepted.Count + paidUnheard, Kie.TasksMade);
        Assert.Equal(plan.AppliedTo(Enumerable.Range(0, Keys)).Count(), Kie.CallsTo(Generate).Count + Kie.CallsTo(CreateTask).Count);
        Assert.Equal(Enum.GetValues<CreateFault>().Length, plan.AppliedTo(Enumerable.Range(0, Keys)).Distinct().Count());

        foreach (var (key, id) in accepted)
        {
            var video = await (await Alice.GetAsync($"/videos/{id}")).AssertJsonAsync(HttpStatusCode.OK);
            Assert.Equal(PromptFor(key), video["prompt"].Str());
            Assert.Contains(video["status"].Str(), new[] { "queued", "in_progress" });
        }

        foreach (var id in outcomeUnknown.Values)
        {
            var video = await (await Alice.GetAsync($"/videos/{id}")).AssertJsonAsync(HttpStatusCode.OK);
            Assert.Equal("failed", video["status"].Str());
            Assert.Equal("upstream_outcome_unknown", video["error"]!["code"].Str());
        }

        // A create Kie refused outright left no video behind; every other one is listed once.
        var listed = (await (await Alice.GetAsync("/videos?limit=100")).AssertJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
        Assert.Equal(accepted.Values.Concat(outcomeUnknown.Values).Order(), listed.Select(v => v!["id"].Str()).Order());
    }

    /// <summary>One client: sends its create with its key until it is accepted, resending on any 5xx or lost send, at most <see cref="MaxSends"/> times.</summary>
    private async Task<(int Key, List<HttpResponseMessage?> Answers)> CreateWithRetriesAsync(int key, Sends sends)
    {
        var body = JsonSerializer.Serialize(new { prompt = PromptFor(key), model = key % 2 == 0 ? "veo-3.1-fast" : "sora-2" });
        var answers = new List<HttpResponseMessage?>();
        for (var send = 0; send < MaxSends; send++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/videos") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", $"drill-{key}");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await sends.StartAsync(key);
            try
            {
                answers.Add(await Alice.SendAsync(request, timeout.Token));
            }
            catch (Exception ex) when (ex is HttpRequestException || timeout.IsCancellationRequested)
            {
                answers.Add(null); // the client's own timeout or a lost connection: resent with the same key
                continue;
            }
            finally
            {
                sends.End(key);
            }

            if (answers[^1]!.StatusCode < HttpStatusCode.InternalServerError)
            {
                break;
            }
        }

        return (key, answers);
    }

    /// <summary>API.md's answer to a create that suffered <paramref name="fault"/>: a video, or a problem's status and code.</summary>
    private static (HttpStatusCode Status, string? Code) ExpectedFor(CreateFault fault) => fault switch
    {
        CreateFault.None or CreateFault.Latency => (HttpStatusCode.Accepted, null),
        CreateFault.Maintenance => (HttpStatusCode.ServiceUnavailable, "upstream_unavailable"),
        CreateFault.NoAnswerInTime => (HttpStatusCode.GatewayTimeout, "upstream_timeout"),
        _ => (HttpStatusCode.BadGateway, "upstream_error"), // an error page or a reset: Kie may have made the task
    };

    private static bool MakesATask(CreateFault fault) =>
        fault is CreateFault.None or CreateFault.Latency or CreateFault.NoAnswerInTime or CreateFault.ResetAfterTask;
}

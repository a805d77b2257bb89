using System.Collections.Concurrent;
using KieGateway.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace KieGateway.Tests.Kie;

/// <summary>The drill's plan of faults and its clock.</summary>
public sealed partial class CreatesUnderKieFaultsTests
{
    private const string Generate = "/api/v1/veo/generate";
    private const string CreateTask = "/api/v1/jobs/createTask";
    private const string PromptPrefix = "fault drill ";

    private static string PromptFor(int key) => PromptPrefix + key;

    /// <summary>Which client key a create at Kie came from, read from its prompt (Veo's is at the top, Sora's in <c>input</c>).</summary>
    private static int KeyOf(KieCall call) =>
        int.Parse((call.Json["prompt"] ?? call.Json["input"]!["prompt"]).Str()[PromptPrefix.Length..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A key's first create suffers the faults in turn (so each fault reaches both providers); a create sent again after a
    /// refusal draws one from a Random seeded by key and send, so that a run repeats whatever order the creates arrive in.
    /// </summary>
    private sealed class FaultPlan
    {
        private static readonly CreateFault[] Faults = Enum.GetValues<CreateFault>();
        private readonly ConcurrentDictionary<int, ConcurrentQueue<CreateFault>> _applied = new();

        public CreateFault Next(KieCall call)
        {
            var key = KeyOf(call);
            var applied = _applied.GetOrAdd(key, _ => new ConcurrentQueue<CreateFault>());
            var fault = applied.IsEmpty ? Faults[key / 2 % Faults.Length] : Faults[new Random(key * 100 + applied.Count).Next(Faults.Length)];
            applied.Enqueue(fault);
            return fault;
        }

        public IReadOnlyList<CreateFault> AppliedTo(int key) => _applied.TryGetValue(key, out var applied) ? applied.ToArray() : [];

        public IEnumerable<CreateFault> AppliedTo(IEnumerable<int> keys) => keys.SelectMany(AppliedTo);
    }

    /// <summary>
    /// The clients' sends in flight, and the gateway's clock: it moves past Kie:Timeout only while every send in flight
    /// waits on a create that Kie will not answer, so that the timeout fires for those and never for a create Kie is
    /// still answering. A send starts only through the gate that the clock holds while it looks and moves.
    /// </summary>
    private sealed class Sends(FakeKie kie, FakeTimeProvider clock)
    {
        private static readonly TimeSpan PastTheTimeout = TimeSpan.FromSeconds(3); // Kie:Timeout is 2 s in tests

        private readonly SemaphoreSlim _gate = new(1);
        private readonly ConcurrentDictionary<int, byte> _inFlight = new();
        private readonly HashSet<KieCall> _timedOut = new(ReferenceEqualityComparer.Instance);

        public async Task StartAsync(int key)
        {
            await _gate.WaitAsync();
            _inFlight[key] = 0;
            _gate.Release();
        }

        public void End(int key) => _inFlight.TryRemove(key, out _);

        public async Task MoveClockWhileAsync(Task running)
        {
            using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (!running.IsCompleted)
            {
                await _gate.WaitAsync(bound.Token);
                try
                {
                    var held = kie.CreatesAwaitingGiveUp;
                    var waiting = held.Select(KeyOf).ToHashSet();
                    if (held.Any(call => !_timedOut.Contains(call)) && _inFlight.Keys.All(waiting.Contains))
                    {
                        clock.Advance(PastTheTimeout);
                        _timedOut.UnionWith(held);
                    }
                }
                finally
                {
                    _gate.Release();
                }

                await Task.WhenAny(running, Task.Delay(10, bound.Token));
            }
        }
    }
}

using KieGateway.Bench.Bare;
using KieGateway.Bench.Drill;
using KieGateway.Bench.FakeKie;
using KieGateway.Bench.Runs;

// One binary, one role per run (bench/run.sh starts them): the first argument says which.
return args.FirstOrDefault() switch
{
    // A fast fake of Kie's API, with optional faults (latency, 5xx, dropped connections) for drills.
    "kie" => await FakeKieApp.RunAsync(args[1..]),

    // A bare Kestrel endpoint answering a video's JSON from memory: the limit of our own stack.
    "bare" => await BareApp.RunAsync(args[1..]),

    // The orchestrator: starts everything, drives it with wrk, writes the report.
    "bench" => await BenchRun.RunAsync(args[1..]),

    // The fault drill: faults on Kie's creates, client retries with idempotency keys, kill -9 of the gateway halfway.
    "drill" => await DrillRun.RunAsync(args[1..]),

    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: KieGateway.Bench kie   --urls http://127.0.0.1:PORT --api-key KEY [--latency-ms N] [--latency-max-ms N] [--fail-rate R] [--reset-rate R] [--seed S] [--generating-reads N]
               KieGateway.Bench bare  --urls http://127.0.0.1:PORT --body FILE
               KieGateway.Bench bench --repo DIR [--quick true] [--out FILE] [--postgres CONNECTION-STRING]
               KieGateway.Bench drill --repo DIR --work DIR --postgres CONNECTION-STRING [--out FILE] [--creates N] [--clients N] [--kill-after N] [--seed S] …
        """);
    return 2;
}

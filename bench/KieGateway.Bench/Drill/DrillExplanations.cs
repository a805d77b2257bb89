namespace KieGateway.Bench.Drill;

/// <summary>Why the counts are expected to add up as the checks say, for the report's readers.</summary>
internal static class DrillExplanations
{
    public const string HowTasksAddUp = """
        ### How the counts add up

        A create is one paid Kie call, which the gateway sends once and never retries (API.md). When Kie's answer is
        a server error or never arrives (a cut connection, a timeout, the gateway killed mid-call), the gateway cannot
        know whether Kie made the task: it records the video `failed` with `upstream_outcome_unknown`, answers the client
        a 5xx problem naming the video (`videoId`), keeps that answer under the key so that every retry replays it, and
        never resubmits (README, Idempotency-Key). So Kie may hold tasks, made and charged, whose ids the gateway never
        received: the fake's connection resets after the task, and a create cut by the kill between Kie's answer and
        the gateway storing the task id. The drill counts them as the tasks Kie made that nobody ever read
        (`tasksMade - tasksRead`), since the gateway reads every task it stored until it is finished. Every task read
        belongs to one completed video, and every unread one to a create that ended `upstream_outcome_unknown`: no key
        made two tasks. A create cut by the kill keeps its key `409 idempotency_key_in_use` until the create window
        (`Kie:Timeout` + 1 min) has passed; the key then answers 202 with its video, which the gateway has marked
        `upstream_outcome_unknown` if no task id was stored, or which completes if one was. Such a video counts as an
        accepted key (202) that ended failed, which is why "accepted" and "completed" can differ by a few.

        Webhooks are delivered at least once: a delivery the receiver answered 2xx but that the killed gateway had not
        yet recorded is sent again, with the same `webhook-id`, once the dead process's claim runs out
        (`Webhooks:Timeout` + 1 min). The receiver deduplicates on `webhook-id`.
        """;
}

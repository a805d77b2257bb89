namespace KieGateway.Bench.FakeKie;

/// <summary>The routes the gateway calls (kie-api.md), plus the fake's own stats.</summary>
internal static class FakeKieEndpoints
{
    public static WebApplication MapFakeKie(this WebApplication app)
    {
        app.Use(RequireKey);

        app.MapPost("/api/v1/veo/generate", (HttpContext context) => CreateAsync(context, KieAnswers.VeoPrefix));
        app.MapPost("/api/v1/jobs/createTask", (HttpContext context) => CreateAsync(context, KieAnswers.JobsPrefix));
        app.MapGet("/api/v1/veo/record-info", (HttpContext context) => ReadAsync(context, KieAnswers.VeoPrefix, KieAnswers.VeoCompleted, GeneratingAnswers.Veo));
        app.MapGet("/api/v1/jobs/recordInfo", (HttpContext context) => ReadAsync(context, KieAnswers.JobsPrefix, KieAnswers.JobsCompleted, GeneratingAnswers.Jobs));
        app.MapGet("/api/v1/chat/credit", (HttpContext context) => WriteAsync(context, StatusCodes.Status200OK, KieAnswers.Credits));

        // Not Kie's: what the fake has made and injected, read by the orchestrator and the drill. No key needed.
        app.MapGet("/_fake/stats", (FakeKieStats stats) => TypedResults.Ok(stats.Snapshot()));
        return app;
    }

    /// <summary>Kie's API answers 401 without the account's Bearer key (kie-api.md §0).</summary>
    private static RequestDelegate RequireKey(RequestDelegate next) => context =>
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            return next(context);
        }

        var options = context.RequestServices.GetRequiredService<FakeKieOptions>();
        if (context.Request.Headers.Authorization.ToString() == "Bearer " + options.ApiKey)
        {
            return next(context);
        }

        context.RequestServices.GetRequiredService<FakeKieStats>().Unauthorized();
        return WriteAsync(context, StatusCodes.Status401Unauthorized, KieAnswers.Unauthorized);
    };

    /// <summary>
    /// generate / createTask: every create is counted; a fault, when one is drawn, comes after the latency,
    /// as a slow Kie that then fails would answer.
    /// </summary>
    private static async Task CreateAsync(HttpContext context, string prefix)
    {
        var services = context.RequestServices;
        var stats = services.GetRequiredService<FakeKieStats>();
        var faults = services.GetRequiredService<CreateFaults>();
        stats.CreateReceived();
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        if (faults.NextLatencyMs() is > 0 and var latency)
        {
            await Task.Delay(latency, context.RequestAborted);
        }

        var fault = faults.Next();
        if (fault != CreateFault.None)
        {
            stats.Injected(fault);
        }

        if (fault == CreateFault.Fail)
        {
            await WriteAsync(context, StatusCodes.Status500InternalServerError, KieAnswers.ServerError);
            return;
        }

        if (fault == CreateFault.ResetBeforeTask)
        {
            context.Abort();
            return;
        }

        var taskId = $"{prefix}{services.GetRequiredService<RunTag>().Value}_{stats.TaskMade()}";
        if (fault == CreateFault.ResetAfterTask)
        {
            // Made and charged, but the answer is lost: the case a gateway must never resubmit.
            context.Abort();
            return;
        }

        await WriteAsync(context, StatusCodes.Status200OK, KieAnswers.Created(taskId));
    }

    /// <summary>
    /// Every task the fake made is finished at its first read, or after <c>--generating-reads</c> reads answered
    /// "generating"; ids it never made are Kie's 404.
    /// </summary>
    private static Task ReadAsync(
        HttpContext context, string prefix, Func<string, DateTimeOffset, string> completed, Func<string, DateTimeOffset, string> generating)
    {
        var stats = context.RequestServices.GetRequiredService<FakeKieStats>();
        stats.StatusRead();
        var taskId = context.Request.Query["taskId"].ToString();
        if (taskId.Length == 0)
        {
            return WriteAsync(context, StatusCodes.Status400BadRequest, KieAnswers.TaskIdRequired);
        }

        if (!taskId.StartsWith(prefix, StringComparison.Ordinal) || !IsOwnId(taskId.AsSpan(prefix.Length)))
        {
            return WriteAsync(context, StatusCodes.Status404NotFound, KieAnswers.TaskNotFound);
        }

        var answer = stats.TaskRead(taskId) <= context.RequestServices.GetRequiredService<FakeKieOptions>().GeneratingReads ? generating : completed;
        return WriteAsync(context, StatusCodes.Status200OK, answer(taskId, TimeProvider.System.GetUtcNow()));
    }

    /// <summary>Tag, underscore, number: also keeps anything needing JSON escaping out of the answer.</summary>
    private static bool IsOwnId(ReadOnlySpan<char> rest) =>
        rest.Length > 0 && !rest.ContainsAnyExcept("abcdefghijklmnopqrstuvwxyz0123456789_");

    private static Task WriteAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json, context.RequestAborted);
    }
}

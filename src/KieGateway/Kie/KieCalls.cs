namespace KieGateway.Kie;

internal enum KieCallKind
{
    Create,
    StatusRead,
    Other,
}

/// <summary>Which of Kie's account limits a call counts against, read from the request itself.</summary>
internal static class KieCalls
{
    public static KieCallKind KindOf(HttpRequestMessage request)
    {
        var path = request.RequestUri?.AbsolutePath ?? "";
        if (request.Method == HttpMethod.Post
            && (path.EndsWith("/jobs/createTask", StringComparison.Ordinal) || path.EndsWith("/veo/generate", StringComparison.Ordinal)))
        {
            return KieCallKind.Create;
        }

        return request.Method == HttpMethod.Get
               && (path.EndsWith("/jobs/recordInfo", StringComparison.Ordinal) || path.EndsWith("/veo/record-info", StringComparison.Ordinal))
            ? KieCallKind.StatusRead
            : KieCallKind.Other;
    }

    private static readonly HttpRequestOptionsKey<bool> Refused = new("KieGateway.RefusedLocally");

    /// <summary>Marks an answer that the account-limit handler made itself, without calling Kie.</summary>
    public static void MarkRefusedLocally(HttpRequestMessage request) => request.Options.Set(Refused, true);

    public static bool RefusedLocally(HttpResponseMessage response) =>
        response.RequestMessage?.Options.TryGetValue(Refused, out var refused) == true && refused;
}

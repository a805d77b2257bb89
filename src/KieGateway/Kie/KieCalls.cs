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
}

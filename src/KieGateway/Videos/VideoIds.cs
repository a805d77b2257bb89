using System.Text.RegularExpressions;

namespace KieGateway.Videos;

/// <summary>Gateway video ids: <c>vid_</c> + a time-ordered GUID, never Kie's task id.</summary>
internal static partial class VideoIds
{
    public static string New(TimeProvider time) => "vid_" + Guid.CreateVersion7(time.GetUtcNow()).ToString("N");

    public static bool IsWellFormed(string? id) => id is not null && Shape().IsMatch(id);

    [GeneratedRegex("^vid_[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}

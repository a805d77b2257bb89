namespace KieGateway.Jobs;

/// <summary>
/// When a job is next asked about: every poll interval while young, slower as it ages
/// (Kie's guidance: 2–3 s for 30 s, 5–10 s up to 2 min, 15–30 s after).
/// </summary>
internal static class PollSchedule
{
    public static DateTimeOffset Next(DateTimeOffset createdAt, DateTimeOffset now, TimeSpan pollInterval)
    {
        var age = now - createdAt;
        var interval = age switch
        {
            _ when age < TimeSpan.FromSeconds(30) => pollInterval,
            _ when age < TimeSpan.FromMinutes(2) => pollInterval * 2,
            _ => TimeSpan.FromTicks(Math.Min((pollInterval * 5).Ticks, TimeSpan.FromSeconds(30).Ticks)),
        };
        return now + TimeSpan.FromTicks(Math.Max(interval.Ticks, pollInterval.Ticks));
    }
}

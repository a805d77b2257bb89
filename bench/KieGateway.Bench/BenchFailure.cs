namespace KieGateway.Bench;

/// <summary>A failure the bench explains itself: printed as its message alone, and the run fails.</summary>
internal sealed class BenchFailure(string message) : Exception(message);

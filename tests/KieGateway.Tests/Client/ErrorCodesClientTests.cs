using System.Reflection;
using KieGateway.Client;
using KieGateway.Errors;

namespace KieGateway.Tests.Client;

/// <summary>The client names every code the gateway can answer, so callers never compare against a literal.</summary>
public sealed class ErrorCodesClientTests
{
    private static SortedSet<string> Codes(Type type) => new(
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!),
        StringComparer.Ordinal);

    [Fact]
    public void EveryProblemCodeOfTheGatewayHasAConstantInTheClientAndNoOtherOne()
    {
        Assert.Equal(Codes(typeof(ProblemCodes)), Codes(typeof(KieGatewayErrorCodes)));
    }
}

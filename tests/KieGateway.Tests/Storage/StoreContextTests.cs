using KieGateway.Storage;
using KieGateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KieGateway.Tests.Storage;

public sealed class StoreContextTests : GatewayTest
{
    [Fact]
    public async Task AStoreContextIsTakenFromAPoolRatherThanBuiltForEachRequest()
    {
        await using var scope = Gateway.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();

        // A pooled context counts the times it was lent out; one built for its scope alone has no lease (0).
        Assert.True(db.ContextId.Lease > 0, $"lease {db.ContextId.Lease}");
    }
}

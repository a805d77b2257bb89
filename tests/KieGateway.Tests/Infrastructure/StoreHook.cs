using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KieGateway.Tests.Infrastructure;

/// <summary>
/// One host's store access as a test sees it: <see cref="BeforeCommand"/> runs before each command (to watch it, or
/// to let something happen first), and <see cref="Crash"/> cuts the store off, as a replica killed without warning
/// loses it, so that nothing the host would do on its way out (hand a lease back, return a webhook claim) reaches it.
/// </summary>
public sealed class StoreHook : DbCommandInterceptor
{
    private volatile bool _crashed;

    public Func<string, Task>? BeforeCommand { get; set; }

    public void Crash() => _crashed = true;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Before(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        BeforeAsync(command, result);

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Before(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        BeforeAsync(command, result);

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Before(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        BeforeAsync(command, result);

    private T Before<T>(DbCommand command, T result)
    {
        ThrowIfCrashed();
        BeforeCommand?.Invoke(command.CommandText).GetAwaiter().GetResult();
        return result;
    }

    private async ValueTask<T> BeforeAsync<T>(DbCommand command, T result)
    {
        ThrowIfCrashed();
        if (BeforeCommand is { } before)
        {
            await before(command.CommandText);
        }

        return result;
    }

    private void ThrowIfCrashed()
    {
        if (_crashed)
        {
            throw new InvalidOperationException("This test replica has crashed: its store is gone.");
        }
    }
}

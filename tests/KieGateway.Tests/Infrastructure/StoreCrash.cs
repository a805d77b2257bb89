using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KieGateway.Tests.Infrastructure;

/// <summary>
/// A host's store access that can be cut, as a replica killed without warning loses it: once <see cref="Crash"/>
/// is called, every command of that host fails, so nothing it would do on its way out (hand a lease back, return
/// a webhook claim) reaches the store.
/// </summary>
public sealed class StoreCrash : DbCommandInterceptor
{
    private volatile bool _crashed;

    public void Crash() => _crashed = true;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        _crashed ? throw Crashed() : result;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        _crashed ? throw Crashed() : ValueTask.FromResult(result);

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        _crashed ? throw Crashed() : result;

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        _crashed ? throw Crashed() : ValueTask.FromResult(result);

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        _crashed ? throw Crashed() : result;

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        _crashed ? throw Crashed() : ValueTask.FromResult(result);

    private static InvalidOperationException Crashed() => new("This test replica has crashed: its store is gone.");
}

using Freight.Core.Persistence;
using Xunit.Abstractions;

namespace Freight.Core.Tests.Databases;

/// <summary>
/// Base of test classes that run on both providers: each has a SQLite and a PostgreSQL subclass, and every
/// test opens a database of its own.
/// </summary>
public abstract class DatabaseTests(DatabaseProvider provider, ITestOutputHelper output)
{
    protected DatabaseProvider Provider { get; } = provider;

    protected ITestOutputHelper Output { get; } = output;

    /// <summary>A fresh, migrated database; null when PostgreSQL is not configured (the test then checks nothing).</summary>
    internal Task<TestDatabase?> OpenAsync(Action<FreightPersistenceOptions>? configure = null) =>
        TestDatabase.CreateAsync(Provider, Output, migrate: true, configure);

    internal Task<TestDatabase?> OpenEmptyAsync() => TestDatabase.CreateAsync(Provider, Output, migrate: false);
}

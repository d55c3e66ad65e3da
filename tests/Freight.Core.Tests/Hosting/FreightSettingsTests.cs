using Freight.Core.Engine;
using Freight.Core.Hosting;
using Freight.Core.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Freight.Core.Tests.Hosting;

public sealed class FreightSettingsTests
{
    [Theory]
    [InlineData("DATABASE", "Freight:Database")]
    [InlineData("OUTBOUND_ALLOWLIST", "Freight:OutboundAllowlist")]
    [InlineData("KEY_RING", "Freight:KeyRing")]
    [InlineData("lease_duration", "Freight:LeaseDuration")]
    [InlineData("ENGINE__POLL_INTERVAL", "Freight:Engine:PollInterval")]
    public void An_environment_variable_names_the_setting_in_pascal_case(string name, string key) =>
        Assert.Equal(key, FreightEnvironmentVariables.Key(name));

    [Fact]
    public void Environment_variables_replace_appsettings_and_flags_replace_both()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Freight:Database"] = "from-appsettings.db",
                ["Freight:WorkerId"] = "from-appsettings",
                ["Freight:OutboundAllowlist"] = "10.0.0.0/8",
            })
            .Add(new FreightEnvironmentVariables(new Dictionary<string, string>
            {
                ["FREIGHT_DATABASE"] = "Host=db;Database=freight",
                ["FREIGHT_WORKER_ID"] = "from-environment",
                ["FREIGHT_LEASE_DURATION"] = "00:01:00",
                ["OTHER_DATABASE"] = "ignored.db",
            }))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Freight:WorkerId"] = "from-flag" })
            .Build();

        var settings = FreightSettings.From(configuration);

        Assert.Equal("Host=db;Database=freight", settings.Database);
        Assert.Equal("from-flag", settings.WorkerId);
        Assert.Equal("10.0.0.0/8", settings.OutboundAllowlist);
        Assert.Equal(TimeSpan.FromMinutes(1), settings.LeaseDuration);
        Assert.Equal(new EngineOptions().HeartbeatInterval, settings.HeartbeatInterval);
        Assert.True(settings.MigrateOnStart);
    }

    [Fact]
    public void Nothing_configured_is_a_sqlite_file_in_the_working_directory()
    {
        var settings = FreightSettings.From(new ConfigurationBuilder().Build());

        Assert.Equal("freight.db", settings.Database);
        Assert.Null(settings.KeyRing);
        Assert.Null(settings.WorkerId);
    }

    [Fact]
    public void A_value_of_the_wrong_form_is_an_error_naming_the_setting()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Freight:LeaseDuration"] = "soon" })
            .Build();

        var error = Assert.Throws<ArgumentException>(() => FreightSettings.From(configuration));

        Assert.Contains("'soon'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Freight:LeaseDuration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_services_follow_the_settings()
    {
        var keyRing = Path.Combine(Path.GetTempPath(), "freight-settings-" + Guid.NewGuid().ToString("N"));
        var settings = new FreightSettings
        {
            Database = "Host=db.internal;Database=freight;Username=freight",
            KeyRing = keyRing,
            OutboundAllowlist = "127.0.0.1",
            WorkerId = "worker-7",
            LeaseDuration = TimeSpan.FromSeconds(40),
            HeartbeatInterval = TimeSpan.FromSeconds(10),
            PollInterval = TimeSpan.FromSeconds(2),
            MigrateOnStart = false,
        };

        using var services = new ServiceCollection().AddFreight(settings, runWorker: false).BuildServiceProvider();

        var engine = services.GetRequiredService<EngineOptions>();
        var persistence = services.GetRequiredService<FreightPersistenceOptions>();
        Assert.Equal(DatabaseProvider.PostgreSql, services.GetRequiredService<FreightDatabase>().Provider);
        Assert.Equal(("worker-7", TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), "127.0.0.1"),
            (engine.WorkerId, engine.LeaseDuration, engine.HeartbeatInterval, engine.PollInterval, engine.OutboundAllowlist));
        Assert.Equal((keyRing, false), (persistence.KeyRingDirectory, persistence.MigrateOnStart));
        Assert.NotNull(services.GetRequiredService<JobRunner>());
    }

    [Fact]
    public void A_heartbeat_slower_than_half_the_lease_is_refused()
    {
        var settings = new FreightSettings { LeaseDuration = TimeSpan.FromSeconds(4), HeartbeatInterval = TimeSpan.FromSeconds(3) };

        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddFreight(settings, runWorker: true));

        Assert.Equal("HeartbeatInterval", error.ParamName);
    }
}

using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json.Nodes;
using Freight.Core;
using Freight.Core.Domain;

namespace Freight.Cli.JobSpecs;

/// <summary>
/// The flags that describe a migration, shared by <c>jobs create</c> and <c>migrate</c>: <c>--source</c>,
/// <c>--source-key</c>, <c>--source-url</c>, <c>--source-option name=value</c>, the same for the target,
/// <c>--batch-size</c>, <c>--entities</c> and <c>--dry-run</c>. Wrong values are usage errors (exit 2).
/// </summary>
internal sealed class JobSpecOptions
{
    public Option<string> Source { get; } = new("--source") { Description = "The source system.", DefaultValueFactory = _ => "affinity" };

    public Option<string?> SourceKey { get; } = new("--source-key") { Description = "The source's API key. Default: FREIGHT_SOURCE_KEY." };

    public Option<string?> SourceUrl { get; } = new("--source-url") { Description = "The source API's address, when not the official one." };

    public Option<string[]> SourceOptions { get; } = new("--source-option")
    {
        Description = "Another source config setting, name=value (repeatable), e.g. requests_per_minute=300.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string> Target { get; } = new("--target") { Description = "The target system.", DefaultValueFactory = _ => "attio" };

    public Option<string?> TargetKey { get; } = new("--target-key") { Description = "The target's API key. Default: FREIGHT_TARGET_KEY." };

    public Option<string?> TargetUrl { get; } = new("--target-url") { Description = "The target API's address, when not the official one." };

    public Option<string[]> TargetOptions { get; } = new("--target-option")
    {
        Description = "Another target config setting, name=value (repeatable), e.g. writes_per_second=10.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<int?> BatchSize { get; } = new("--batch-size") { Description = $"Records per batch, {Job.MinBatchSize}-{Job.MaxBatchSize}. Default: {Job.DefaultBatchSize}." };

    public Option<string[]> Entities { get; } = new("--entities")
    {
        Description = $"Entities to migrate, comma-separated or repeated: {string.Join(", ", Phases.Entities.Select(SnakeCase.Name))}. Default: all.",
    };

    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Read and map everything, write nothing to the target." };

    public IEnumerable<Option> All =>
        [Source, SourceKey, SourceUrl, SourceOptions, Target, TargetKey, TargetUrl, TargetOptions, BatchSize, Entities, DryRun];

    /// <summary>Adds the options and their checks to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in All)
        {
            command.Options.Add(option);
        }

        BatchSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < Job.MinBatchSize or > Job.MaxBatchSize)
            {
                result.AddError($"--batch-size must be from {Job.MinBatchSize} to {Job.MaxBatchSize}.");
            }
        });
        Entities.Validators.Add(result =>
        {
            var known = Phases.Entities.Select(SnakeCase.Name).ToList();
            foreach (var name in Split(result.GetValueOrDefault<string[]>()).Where(name => !known.Contains(name)))
            {
                result.AddError($"--entities: '{name}' is not one of {string.Join(", ", known)}.");
            }
        });
        SourceOptions.Validators.Add(CheckSettings);
        TargetOptions.Validators.Add(CheckSettings);
        SourceUrl.Validators.Add(CheckUrl);
        TargetUrl.Validators.Add(CheckUrl);
    }

    /// <summary>
    /// The migration the flags describe; keys missing from the flags come from <c>FREIGHT_SOURCE_KEY</c> and
    /// <c>FREIGHT_TARGET_KEY</c> (<paramref name="settings"/>), and a missing one is left for the connector to name.
    /// </summary>
    public JobSpec Read(ParseResult parse, IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(settings);
        var entities = Split(parse.GetValue(Entities)).ToList();
        return new JobSpec(
            parse.GetValue(Source)!,
            parse.GetValue(Target)!,
            Config(parse.GetValue(SourceKey) ?? settings.GetValueOrDefault("SourceKey"), parse.GetValue(SourceUrl), parse.GetValue(SourceOptions)),
            Config(parse.GetValue(TargetKey) ?? settings.GetValueOrDefault("TargetKey"), parse.GetValue(TargetUrl), parse.GetValue(TargetOptions)),
            parse.GetValue(BatchSize),
            entities.Count == 0 ? null : entities,
            parse.GetValue(DryRun));
    }

    private static JsonObject Config(string? key, string? url, string[]? settings)
    {
        var config = new JsonObject();
        if (!string.IsNullOrWhiteSpace(key))
        {
            config["api_key"] = key;
        }

        if (!string.IsNullOrWhiteSpace(url))
        {
            config["base_url"] = url.TrimEnd('/');
        }

        foreach (var setting in settings ?? [])
        {
            var (name, value) = (setting[..setting.IndexOf('=', StringComparison.Ordinal)].Trim(), setting[(setting.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim());
            config[name] = Value(value);
        }

        return config;
    }

    /// <summary>Numbers and true/false as JSON numbers and booleans; anything else as a string.</summary>
    private static JsonValue Value(string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) ? JsonValue.Create(whole)
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? JsonValue.Create(number)
        : bool.TryParse(text, out var flag) ? JsonValue.Create(flag)
        : JsonValue.Create(text);

    private static IEnumerable<string> Split(string[]? values) => (values ?? [])
        .SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Distinct(StringComparer.Ordinal);

    private static void CheckSettings(OptionResult result)
    {
        foreach (var setting in result.GetValueOrDefault<string[]>() ?? [])
        {
            if (setting.IndexOf('=', StringComparison.Ordinal) < 1)
            {
                result.AddError($"{result.Option.Name}: '{setting}' is not name=value.");
            }
        }
    }

    private static void CheckUrl(OptionResult result)
    {
        if (result.GetValueOrDefault<string?>() is { } url
            && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            result.AddError($"{result.Option.Name}: '{url}' is not an http or https address.");
        }
    }
}

namespace Freight.Http.Tests.DependencyInjection;

/// <summary>An <c>appsettings.json</c> in a fresh temporary directory, deleted on dispose.</summary>
internal sealed class TempSettingsFile : IDisposable
{
    private readonly string _directory;

    public TempSettingsFile(string json)
    {
        _directory = Path.Combine(Path.GetTempPath(), $"freight-settings-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
        FilePath = Path.Combine(_directory, "appsettings.json");
        File.WriteAllText(FilePath, json);
    }

    public string FilePath { get; }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

namespace Freight.Dashboard.Tests;

/// <summary>
/// One headless Chromium per test class (Debian's, never a downloaded one), and a new context per test. Without
/// /usr/bin/chromium the tests pass with a note, except under CI, which installs it (.ci/run).
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // Without the background-networking flags Chromium's own connections are refused on a closed network.
    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            return;
        }

        // A safety net for a hung page on two busy cores, not a timing assertion: every wait ends as soon as it holds.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
        });
    }

    /// <summary>A fresh browser context on <paramref name="server"/>, or null (with a note) when Chromium is not installed.</summary>
    public async Task<DashboardPage?> OpenAsync(Uri server, ITestOutputHelper output, int width = 1280, int height = 900)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_browser is null)
        {
            Assert.Null(Environment.GetEnvironmentVariable("CI")); // CI must install chromium (.ci/run)
            output.WriteLine($"Not run: {ExecutablePath} is not installed (Debian package chromium).");
            return null;
        }

        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(20_000);
        return new DashboardPage(context, await context.NewPageAsync(), output);
    }

    /// <summary>A fresh browser context on <paramref name="server"/>, signed in with <paramref name="apiKey"/>; null without Chromium.</summary>
    public async Task<DashboardPage?> SignedInAsync(Uri server, string apiKey, ITestOutputHelper output)
    {
        var dashboard = await OpenAsync(server, output);
        if (dashboard is not null)
        {
            await dashboard.SignInAsync(apiKey);
        }

        return dashboard;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

namespace Freight.Dashboard.Tests;

/// <summary>The dashboard in one browser context: navigation, sign-in, and what the page reported as errors.</summary>
public sealed class DashboardPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly ITestOutputHelper _output;
    private readonly List<string> _errors = [];

    public DashboardPage(IBrowserContext context, IPage page, ITestOutputHelper output)
    {
        _context = context;
        _output = output;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors)
                {
                    _errors.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add(error);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Console errors and uncaught exceptions so far, including Content-Security-Policy violations.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>The top-of-page notice where a failed call's message and request id show.</summary>
    public ILocator Notice => Page.Locator("#notice");

    public Task<IResponse?> GotoAsync(string hash = "") => Page.GotoAsync($"/dashboard/{hash}");

    /// <summary>Signs in with <paramref name="apiKey"/> from the keyboard and waits for the jobs list.</summary>
    public async Task SignInAsync(string apiKey)
    {
        await GotoAsync("#/signin");
        await Expect(Page.GetByLabel("Tenant API key")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(apiKey);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Jobs" })).ToBeVisibleAsync();
    }

    /// <summary>The row of a job in the jobs list.</summary>
    public ILocator JobRow(Guid id) => Page.Locator($"tr[data-job-id='{id}']");

    /// <summary>A value of a job page's summary, such as "Status".</summary>
    public ILocator Summary(string name) => Page.Locator($"dd[data-field='{name}']");

    public async ValueTask DisposeAsync()
    {
        foreach (var error in Errors)
        {
            _output.WriteLine($"Page error: {error}");
        }

        await _context.CloseAsync();
    }
}

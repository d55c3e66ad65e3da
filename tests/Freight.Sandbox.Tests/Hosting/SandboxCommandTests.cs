using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Freight.Sandbox.Hosting;

namespace Freight.Sandbox.Tests.Hosting;

public sealed class SandboxCommandTests
{
    private static async Task<(int Code, string Output, string Error)> RunInProcessAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SandboxCommand.CreateRoot().Parse(arguments)
            .InvokeWithExitCodesAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Sandbox_process_prints_its_line_serves_and_stops_with_0_on_SIGTERM()
    {
        using var sandbox = SandboxProcess.Start(
            "--affinity-url", "http://127.0.0.1:0", "--attio-url", "http://127.0.0.1:0", "--records", "300", "--seed", "5");

        var (affinity, affinityKey) = await ReadLineAsync(sandbox, "affinity");
        var (attio, attioKey) = await ReadLineAsync(sandbox, "attio");
        using var affinityClient = Client(affinity, affinityKey);
        using var attioClient = Client(attio, attioKey);
        using var whoami = await affinityClient.GetAsync("v2/auth/whoami");
        using var summary = await affinityClient.GetAsync("_sandbox/summary");
        using var self = await attioClient.GetAsync("v2/self");
        using var members = await attioClient.GetAsync("v2/workspace_members");
        await sandbox.TerminateAsync();

        Assert.NotEqual(affinity.Port, attio.Port);
        Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
        Assert.Contains("\"seed\":5", await summary.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, self.StatusCode);
        Assert.Contains("\"active\":true", await self.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The source's internal users with an email are the target's workspace members.
        Assert.Contains("\"email_address\":\"", await members.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await sandbox.ExitCodeAsync());
        Assert.Equal("", await sandbox.Process.StandardOutput.ReadToEndAsync());
    }

    private static async Task<(Uri Url, string Key)> ReadLineAsync(SandboxProcess sandbox, string name)
    {
        var line = await sandbox.Process.StandardOutput.ReadLineAsync().WaitAsync(SandboxProcess.Patience);
        var parts = line?.Split(' ') ?? [];
        Assert.True(parts.Length == 4 && parts[0] == name && parts[2] == "key", $"unexpected line: {line}");
        var url = new Uri(parts[1]);
        Assert.Equal($"http://127.0.0.1:{url.Port}", parts[1]);
        Assert.NotEqual(0, url.Port);
        return (url, parts[3]);
    }

    private static HttpClient Client(Uri url, string key)
    {
        var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    [Fact]
    public async Task Sandbox_process_refuses_a_url_that_is_not_loopback_with_exit_code_2()
    {
        using var sandbox = SandboxProcess.Start("--affinity-url", "http://192.0.2.10:5101");

        var error = await sandbox.Process.StandardError.ReadToEndAsync().WaitAsync(SandboxProcess.Patience);

        Assert.Equal(2, await sandbox.ExitCodeAsync());
        Assert.Contains(
            "--affinity-url must be on a loopback host (127.0.0.1, localhost or [::1]), not '192.0.2.10': the simulators never listen elsewhere.",
            error,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--affinity-url", "https://127.0.0.1:5101", "--affinity-url must be an http URL such as http://127.0.0.1:5101, not 'https://127.0.0.1:5101'.")]
    [InlineData("--affinity-url", "127.0.0.1:5101", "--affinity-url must be an http URL such as http://127.0.0.1:5101, not '127.0.0.1:5101'.")]
    [InlineData("--affinity-url", "http://127.0.0.1:5101/v2", "--affinity-url must be only a scheme, host and port such as http://127.0.0.1:5101, not 'http://127.0.0.1:5101/v2'.")]
    [InlineData("--affinity-url", "http://example.com:5101", "--affinity-url must be on a loopback host (127.0.0.1, localhost or [::1]), not 'example.com'")]
    [InlineData("--attio-url", "http://10.0.0.1:5102", "--attio-url must be on a loopback host (127.0.0.1, localhost or [::1]), not '10.0.0.1'")]
    [InlineData("--records", "0", "--records must be between 1 and 1000000000.")]
    [InlineData("--faults", "0.055", "--faults must be a whole percent between 0 and 1, e.g. 0.05.")]
    [InlineData("--faults", "1.5", "--faults must be a whole percent between 0 and 1, e.g. 0.05.")]
    [InlineData("--speed", "0", "--speed must be a positive number.")]
    [InlineData("--seed", "many", "Cannot parse argument 'many' for option '--seed'")]
    public async Task Invalid_option_is_a_usage_error_with_exit_code_2(string option, string value, string message)
    {
        var (code, _, error) = await RunInProcessAsync(option, value);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Port_already_taken_exits_1_with_a_message_and_no_stack_trace()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (code, output, error) = await RunInProcessAsync(
            "--affinity-url", $"http://localhost:{port}", "--attio-url", "http://127.0.0.1:0", "--records", "10");

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Equal("", output);
        Assert.Equal(
            $"The affinity simulator cannot listen on 127.0.0.1:{port}: Failed to bind to address http://127.0.0.1:{port}: address already in use.{Environment.NewLine}",
            error);
    }

    [Fact]
    public void Help_describes_every_option_with_its_default_and_an_example()
    {
        using var output = new StringWriter();

        var code = new RootCommand { SandboxCommand.Create() }.Parse("sandbox --help").Invoke(new InvocationConfiguration { Output = output });

        Assert.Equal(0, code);
        var help = output.ToString();
        Assert.Contains("freight sandbox --records 10000 --faults 0.05 --speed 10", help, StringComparison.Ordinal);
        foreach (var expected in new[]
        {
            "--affinity-url", "[default: http://127.0.0.1:5101]", "--attio-url", "[default: http://127.0.0.1:5102]", "--records", "[default: 10000]", "--seed", "--faults", "--speed",
        })
        {
            Assert.Contains(expected, help, StringComparison.Ordinal);
        }
    }
}

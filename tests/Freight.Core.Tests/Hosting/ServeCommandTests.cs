using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Freight.Core.Tests.Hosting;

public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_answers_on_its_url_with_the_worker_running_and_stops_on_SIGTERM_with_exit_code_0()
    {
        var directory = Path.Combine(Path.GetTempPath(), "freight-serve-" + Guid.NewGuid().ToString("N"));
        var start = FreightCli.StartInfo("serve", "--urls", "http://127.0.0.1:0", "--database", Path.Combine(directory, "freight.db"));
        start.Environment["FREIGHT_KEY_RING"] = Path.Combine(directory, "keys");
        start.Environment["FREIGHT_ADMIN_KEY"] = "serve-test-admin-key";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        try
        {
            process.StandardInput.Close();
            var error = process.StandardError;
            var line = await error.ReadLineAsync().WaitAsync(FreightCli.Patience);
            Assert.NotNull(line);
            Assert.Matches(@"^Freight API on http://127\.0\.0\.1:\d+ \(docs at /api/docs\); Ctrl\+C stops\.$", line);
            using var client = new HttpClient { BaseAddress = new Uri(line["Freight API on ".Length..line.IndexOf(' ', "Freight API on ".Length)]) };
            client.DefaultRequestHeaders.Add("X-Admin-Key", "serve-test-admin-key");

            using var tenant = await client.PostAsJsonAsync("/api/v1/admin/tenants", new { name = "Acme", slug = "acme" });
            var docs = await client.GetAsync("/api/openapi.json");

            Assert.Equal(HttpStatusCode.Created, tenant.StatusCode);
            Assert.StartsWith("frt_", (await tenant.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("api_key").GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
            Assert.True(File.Exists(Path.Combine(directory, "freight.db")));

            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await process.WaitForExitAsync().WaitAsync(FreightCli.Patience);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            Directory.Delete(directory, recursive: true);
        }
    }
}

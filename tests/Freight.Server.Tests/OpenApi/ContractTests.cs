using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Freight.Server.Tests.OpenApi;

/// <summary>
/// <c>api/openapi.json</c> is the API's contract: the document the server generates must equal it. After an intended
/// change, regenerate it with <c>FREIGHT_UPDATE_CONTRACT=1 dotnet test tests/Freight.Server.Tests --filter Contract</c>
/// and review the diff.
/// </summary>
public sealed class ContractTests
{
    [Fact]
    public async Task The_generated_openapi_document_equals_the_committed_contract()
    {
        await using var server = await ApiServer.StartAsync();
        using var response = await server.Anonymous.GetAsync("/api/openapi.json");
        var generated = Normalize(await response.Content.ReadAsStringAsync());
        var contract = Path.Combine(RepositoryRoot(), "api", "openapi.json");

        if (Environment.GetEnvironmentVariable("FREIGHT_UPDATE_CONTRACT") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(contract)!);
            await File.WriteAllTextAsync(contract, generated);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(File.Exists(contract), $"{contract} is missing.");
        Assert.Equal(Normalize(await File.ReadAllTextAsync(contract)), generated);
    }

    [Fact]
    public async Task Swagger_ui_serves_the_document()
    {
        await using var server = await ApiServer.StartAsync();

        using var page = await server.Anonymous.GetAsync("/api/docs/index.html");
        using var config = await server.Anonymous.GetAsync("/api/docs/index.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("swagger-ui", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("/api/openapi.json", await config.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_api_route_documents_its_answer_and_its_errors_in_the_error_shape()
    {
        await using var server = await ApiServer.StartAsync();
        var document = JsonNode.Parse(await server.Anonymous.GetStringAsync("/api/openapi.json"))!;

        foreach (var (path, item) in document["paths"]!.AsObject().Where(p => p.Key.StartsWith("/api/v1", StringComparison.Ordinal)))
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var responses = operation!["responses"]!.AsObject();
                Assert.True(responses.ContainsKey("422"), $"{method} {path} documents no 422.");
                Assert.Equal("#/components/schemas/ApiError", responses["422"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
                Assert.Equal(!path.StartsWith("/api/v1/admin", StringComparison.Ordinal), responses.ContainsKey("429"));
                Assert.True(responses.ContainsKey("401"), $"{method} {path} documents no 401.");
                var success = Assert.Single(responses, response => response.Key.StartsWith('2'));
                Assert.True(success.Key == "204" || success.Value!["content"]?["application/json"]?["schema"] is not null, $"{method} {path} documents no body for {success.Key}.");
            }
        }
    }

    private static string Normalize(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Freight.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Freight.slnx above {AppContext.BaseDirectory}.");
    }
}

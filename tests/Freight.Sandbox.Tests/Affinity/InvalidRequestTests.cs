using System.Net;
using System.Text.Json;
using Freight.Sandbox.Tests.OpenApi;
using Xunit.Abstractions;
using static Freight.Sandbox.Tests.Affinity.AffinityJson;

namespace Freight.Sandbox.Tests.Affinity;

/// <summary>
/// Requests that break the constraints the v2 spec declares get the spec's 400 <c>validation</c> error
/// naming the parameter; paths the simulator does not serve, and methods it does not allow, get
/// Affinity's error body too.
/// </summary>
public sealed class InvalidRequestTests(ITestOutputHelper output)
{
    // Valid values of every path parameter of the served routes (entry 1 is in list 1).
    private static readonly Dictionary<string, string> PathValues = new()
    {
        ["companyId"] = "1",
        ["personId"] = "1",
        ["opportunityId"] = "1",
        ["listId"] = "1",
        ["listEntryId"] = "1",
        ["noteId"] = "1",
    };

    // The GET operations of the spec the simulator serves; the test checks this against the simulator.
    private static readonly string[] Served =
    [
        "/v2/auth/whoami",
        "/v2/companies", "/v2/companies/fields", "/v2/companies/{companyId}", "/v2/companies/{companyId}/lists",
        "/v2/companies/{companyId}/list-entries", "/v2/companies/{companyId}/notes",
        "/v2/persons", "/v2/persons/fields", "/v2/persons/{personId}", "/v2/persons/{personId}/lists",
        "/v2/persons/{personId}/list-entries", "/v2/persons/{personId}/notes",
        "/v2/opportunities", "/v2/opportunities/{opportunityId}", "/v2/opportunities/{opportunityId}/notes",
        "/v2/lists", "/v2/lists/{listId}", "/v2/lists/{listId}/fields", "/v2/lists/{listId}/list-entries",
        "/v2/lists/{listId}/list-entries/{listEntryId}",
        "/v2/notes", "/v2/notes/{noteId}",
    ];

    [Fact]
    public async Task Every_served_GET_of_the_spec_answers_and_the_others_are_not_found()
    {
        if (SpecFile.FindOrNote(SpecFile.Affinity, output) is not { } specFile)
        {
            return;
        }

        using var spec = JsonDocument.Parse(await File.ReadAllTextAsync(specFile));
        await using var harness = await SimulatorHarness.StartAsync();
        var problems = new List<string>();

        foreach (var path in spec.RootElement.GetProperty("paths").EnumerateObject().Where(p => p.Value.TryGetProperty("get", out _)))
        {
            var url = InvalidRequests.Fill(path.Name, new Dictionary<string, string>(PathValues)
            {
                ["viewId"] = "1",
                ["fieldId"] = "field-2001",
                ["mergeId"] = "1",
                ["taskId"] = "1",
            }).TrimStart('/');
            var (response, body) = await harness.GetAsync(url);
            var expected = Served.Contains(path.Name) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            if (response.StatusCode != expected
                || (expected == HttpStatusCode.NotFound && SingleError(body).GetProperty("code").GetString() != "not-found"))
            {
                problems.Add($"{url}: {(int)response.StatusCode} {body}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Requests_breaking_a_declared_constraint_get_the_specs_400_naming_the_parameter()
    {
        if (SpecFile.FindOrNote(SpecFile.Affinity, output) is not { } specFile)
        {
            return;
        }

        using var spec = JsonDocument.Parse(await File.ReadAllTextAsync(specFile));
        var checker = new OpenApiShapeChecker(spec.RootElement);
        await using var harness = await SimulatorHarness.StartAsync();
        var requests = Served.SelectMany(path => InvalidRequests.For(checker, path, PathValues)).ToList();
        var problems = new List<string>();

        foreach (var request in requests)
        {
            var (response, body) = await harness.GetAsync(request.Url);
            var error = body.TryGetProperty("errors", out var errors) && errors.GetArrayLength() == 1 ? errors[0] : default;
            var shape = checker.Check(checker.ResponseSchema(request.SpecPath, 400), body);
            if (response.StatusCode != HttpStatusCode.BadRequest
                || error.ValueKind != JsonValueKind.Object
                || error.GetProperty("code").GetString() != "validation"
                || !error.TryGetProperty("param", out var param) || param.GetString() != request.Param
                || shape.Count > 0)
            {
                problems.Add($"{request.Url} ({request.Param} {request.Why}): {(int)response.StatusCode} {body} {string.Join("; ", shape)}");
            }
        }

        output.WriteLine($"{requests.Count} invalid requests derived from the spec.");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        // limit, cursor-less ids, fieldTypes, totalCount, includes and every path id are covered.
        Assert.True(requests.Count > 100, $"only {requests.Count} invalid requests");
        Assert.Contains(requests, r => r.Param == "fieldTypes" && r.SpecPath == "/v2/lists/{listId}/list-entries/{listEntryId}");
        Assert.Contains(requests, r => r.Param == "includes" && r.Why == "repeated item");
        Assert.Contains(requests, r => r.Param == "listEntryId" && r.Why == "below minimum");
    }

    [Theory]
    [InlineData("v2/companies/abc", "companyId")]
    [InlineData("v2/persons/-3", "personId")]
    [InlineData("v2/lists/1/list-entries/1e3", "listEntryId")]
    [InlineData("v2/opportunities/99999999999999999999", "opportunityId")]
    public async Task A_non_integer_id_is_a_validation_error_not_a_bare_404(string url, string param)
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var (response, body) = await harness.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            $$"""{"errors":[{"code":"validation","message":"{{param}} must be an integer from 1 to 9223372036854775807.","param":"{{param}}"}]}""",
            body.GetRawText());
    }

    [Theory]
    [InlineData("v2/notes?filter=creator.id%3D1")]
    [InlineData("v2/companies/1/notes?filter=createdAt%3E2020-01-01T00:00:00Z")]
    [InlineData("v2/persons/1/notes?filter=")]
    [InlineData("v2/opportunities/1/notes?filter=creator.id%3D2")]
    public async Task A_notes_filter_is_refused_rather_than_ignored(string url)
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var (response, body) = await harness.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("filter", SingleError(body).GetProperty("param").GetString());
    }

    [Fact]
    public async Task Unknown_routes_and_methods_answer_in_affinitys_error_shape()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var (unknown, unknownBody) = await harness.GetAsync("v2/widgets/1");
        using var post = await harness.Client.PostAsync("v2/companies", new StringContent("{}"));
        using var postBody = JsonDocument.Parse(await post.Content.ReadAsStringAsync());
        using var noKey = new HttpClient { BaseAddress = harness.Simulator.BaseAddress };
        using var unauthenticated = await noKey.GetAsync("v2/widgets");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("""{"errors":[{"code":"not-found","message":"No route matches GET /v2/widgets/1."}]}""", unknownBody.GetRawText());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal("method-not-allowed", SingleError(postBody.RootElement).GetProperty("code").GetString());
        Assert.Equal(["GET"], post.Content.Headers.Allow);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.True(unknown.Headers.Contains("X-Ratelimit-Limit-User-Remaining"));
    }

    [Fact]
    public async Task Unknown_routes_and_405s_have_the_specs_default_error_shape()
    {
        if (SpecFile.FindOrNote(SpecFile.Affinity, output) is not { } specFile)
        {
            return;
        }

        using var spec = JsonDocument.Parse(await File.ReadAllTextAsync(specFile));
        var checker = new OpenApiShapeChecker(spec.RootElement);
        await using var harness = await SimulatorHarness.StartAsync();

        var (_, unknown) = await harness.GetAsync("v2/lists/1/saved-views");
        using var delete = await harness.Client.DeleteAsync("v2/notes/1");
        using var deleteBody = JsonDocument.Parse(await delete.Content.ReadAsStringAsync());

        Assert.Empty(checker.Check(checker.ResponseSchema("/v2/lists/{listId}/saved-views", 404), unknown));
        Assert.Empty(checker.Check(checker.ResponseSchema("/v2/notes/{noteId}", "default"), deleteBody.RootElement));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
    }
}

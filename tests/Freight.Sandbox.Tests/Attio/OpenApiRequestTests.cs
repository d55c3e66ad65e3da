using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Freight.Sandbox.Attio;
using Freight.Sandbox.Tests.OpenApi;
using Xunit.Abstractions;

namespace Freight.Sandbox.Tests.Attio;

/// <summary>
/// Requests the published Attio document calls invalid, derived from the document itself: each required property of a
/// request body removed in turn, each enum violated, each typed property given a value of another JSON kind, query
/// parameters of the wrong type (<see cref="InvalidRequests"/>) and limits past their documented maximum. The simulator
/// must refuse every one with 400 <c>validation_type</c> (404 for a path that names nothing).
/// </summary>
public sealed partial class OpenApiRequestTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("/v2/objects/{object}/records", "post", "v2/objects/companies/records", """{"data":{"values":{"name":"Acme"}}}""")]
    [InlineData("/v2/objects/{object}/records", "put", "v2/objects/companies/records?matching_attribute=domains", """{"data":{"values":{"domains":["acme.com"]}}}""")]
    [InlineData("/v2/objects/{object}/records/{record_id}", "patch", "v2/objects/companies/records/{company}", """{"data":{"values":{"name":"Acme"}}}""")]
    [InlineData("/v2/notes", "post", "v2/notes",
        """{"data":{"parent_object":"companies","parent_record_id":"{company}","title":"T","format":"plaintext","content":"C","created_at":"2023-03-28T08:38:41Z"}}""")]
    [InlineData("/v2/{target}/{identifier}/attributes", "post", "v2/objects/companies/attributes",
        """{"data":{"title":"Affinity ID","description":null,"api_slug":"affinity_id","type":"text","is_required":false,"is_unique":true,"is_multiselect":false,"config":{}}}""")]
    [InlineData("/v2/{target}/{identifier}/attributes/{attribute}/options", "post", "v2/objects/companies/attributes/categories/options", """{"data":{"title":"Robotics"}}""")]
    [InlineData("/v2/{target}/{identifier}/attributes/{attribute}/statuses", "post", "v2/objects/deals/attributes/stage/statuses",
        """{"data":{"title":"Diligence","celebration_enabled":false,"target_time_in_status":null}}""")]
    [InlineData("/v2/lists", "post", "v2/lists",
        """{"data":{"name":"Deals","api_slug":"deals_list","parent_object":"deals","workspace_access":"full-access","workspace_member_access":[]}}""")]
    [InlineData("/v2/lists/{list}/entries", "post", "v2/lists/pipeline/entries",
        """{"data":{"parent_record_id":"{company}","parent_object":"companies","entry_values":{}}}""")]
    [InlineData("/v2/lists/{list}/entries", "put", "v2/lists/pipeline/entries",
        """{"data":{"parent_record_id":"{company}","parent_object":"companies","entry_values":{}}}""")]
    public async Task Bodies_the_spec_calls_invalid_are_refused(string specPath, string method, string url, string validBody)
    {
        if (SpecFile.FindOrNote(SpecFile.Attio, output) is not { } specFile)
        {
            return;
        }

        using var spec = JsonDocument.Parse(await File.ReadAllTextAsync(specFile));
        var checker = new OpenApiShapeChecker(spec.RootElement);
        await using var harness = await AttioHarness.StartAsync(new AttioSimulatorOptions { Speed = 100 });
        await harness.PostAsync("v2/lists", ListTests.Pipeline);
        var company = await harness.CreateAsync("companies", """{"name":"Parent"}""");
        url = url.Replace("{company}", company, StringComparison.Ordinal);
        var valid = JsonNode.Parse(validBody.Replace("{company}", company, StringComparison.Ordinal))!.AsObject();

        var samples = Invalid(checker, checker.RequestSchema(specPath, method), valid).ToList();
        var problems = new List<string>();
        foreach (var (what, body) in samples)
        {
            var reply = await harness.SendAsync(new HttpMethod(method.ToUpperInvariant()), url, body);
            if (reply.Status != 400 || reply.Body.GetProperty("code").GetString() != "validation_type"
                || reply.Body.GetProperty("type").GetString() != "invalid_request_error" || reply.Body.GetProperty("status_code").GetInt32() != 400)
            {
                problems.Add($"{what}: {reply.Status} {reply.Text}");
            }
        }

        var accepted = await harness.SendAsync(new HttpMethod(method.ToUpperInvariant()), url, valid.ToJsonString());
        Assert.True(samples.Count >= 3, $"only {samples.Count} samples derived");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.True(accepted.Status == 200, $"the valid body itself was refused: {accepted.Text}");
    }

    [Theory]
    [InlineData("/v2/notes", "v2/notes")]
    [InlineData("/v2/objects/{object}/records/{record_id}/entries", "v2/objects/companies/records/{company}/entries")]
    public async Task Limits_past_their_documented_maximum_are_refused(string specPath, string url)
    {
        if (SpecFile.FindOrNote(SpecFile.Attio, output) is not { } specFile)
        {
            return;
        }

        using var spec = JsonDocument.Parse(await File.ReadAllTextAsync(specFile));
        var limit = new OpenApiShapeChecker(spec.RootElement).Parameters(specPath).Single(p => p.GetProperty("name").GetString() == "limit");
        var maximum = int.Parse(Maximum().Match(limit.GetProperty("schema").GetProperty("description").GetString()!).Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);
        await using var harness = await AttioHarness.StartAsync();
        url = url.Replace("{company}", await harness.CreateAsync("companies", """{"name":"Parent"}"""), StringComparison.Ordinal);

        var atMaximum = await harness.GetAsync($"{url}?limit={maximum}");
        var beyond = await harness.GetAsync($"{url}?limit={maximum + 1}");

        Assert.Equal(200, atMaximum.Status);
        beyond.AssertError(400, "validation_type");
    }

    [Theory]
    [InlineData("/v2/notes")]
    [InlineData("/v2/{target}/{identifier}/attributes")]
    [InlineData("/v2/{target}/{identifier}/attributes/{attribute}/options")]
    [InlineData("/v2/{target}/{identifier}/attributes/{attribute}/statuses")]
    [InlineData("/v2/objects/{object}/records/{record_id}/entries")]
    public async Task Query_parameters_the_spec_calls_invalid_are_refused(string specPath)
    {
        if (SpecFile.FindOrNote(SpecFile.Attio, output) is not { } specFile)
        {
            return;
        }

        using var spec = JsonDocument.Parse(await File.ReadAllTextAsync(specFile));
        var checker = new OpenApiShapeChecker(spec.RootElement);
        await using var harness = await AttioHarness.StartAsync(new AttioSimulatorOptions { Speed = 100 });
        var company = await harness.CreateAsync("companies", """{"name":"Parent"}""");
        var options = specPath.EndsWith("/options", StringComparison.Ordinal);
        var pathValues = new Dictionary<string, string>
        {
            ["target"] = "objects",
            ["identifier"] = options ? "companies" : "deals",
            ["attribute"] = options ? "categories" : "stage",
            ["object"] = "companies",
            ["record_id"] = company,
        };

        var requests = InvalidRequests.For(checker, specPath, pathValues);
        var problems = new List<string>();
        foreach (var request in requests)
        {
            var reply = await harness.GetAsync(request.Url);
            var inPath = specPath.Contains("{" + request.Param + "}", StringComparison.Ordinal);
            var refused = inPath
                ? reply.Status == 404 && reply.Body.GetProperty("code").GetString() == "not_found"
                : reply.Status == 400 && reply.Body.GetProperty("code").GetString() == "validation_type"
                    && reply.Body.GetProperty("validation_errors")[0].GetProperty("path")[0].GetString() == request.Param;
            if (!refused)
            {
                problems.Add($"{request.Url} ({request.Param} {request.Why}): {reply.Status} {reply.Text}");
            }
        }

        Assert.NotEmpty(requests);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Equal(200, (await harness.GetAsync(InvalidRequests.Fill(specPath, pathValues).TrimStart('/'))).Status);
    }

    /// <summary>Bodies that break one rule of the request schema each, with a description of the rule.</summary>
    private static IEnumerable<(string What, string Body)> Invalid(OpenApiShapeChecker checker, JsonElement schema, JsonObject valid)
    {
        yield return ("no data", "{}");
        var data = checker.Resolve(schema.GetProperty("properties").GetProperty("data"));
        var required = data.TryGetProperty("required", out var names) ? names.EnumerateArray().Select(n => n.GetString()!).ToList() : [];
        foreach (var name in required)
        {
            yield return ($"data.{name} removed", With(valid, body => body.Remove(name)));
        }

        foreach (var property in data.GetProperty("properties").EnumerateObject())
        {
            var propertySchema = checker.Resolve(property.Value);
            if (propertySchema.TryGetProperty("enum", out _))
            {
                yield return ($"data.{property.Name} outside its enum", With(valid, body => body[property.Name] = "not-a-listed-value"));
            }

            if (propertySchema.TryGetProperty("type", out var type) && OtherKind(type) is { } wrong)
            {
                yield return ($"data.{property.Name} of the wrong type", With(valid, body => body[property.Name] = wrong));
            }
        }
    }

    private static string With(JsonObject valid, Action<JsonObject> change)
    {
        var copy = valid.DeepClone().AsObject();
        change(copy["data"]!.AsObject());
        return copy.ToJsonString();
    }

    /// <summary>A value of a JSON kind the declared type does not allow.</summary>
    private static JsonValue? OtherKind(JsonElement type)
    {
        var kinds = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToList() : [type.GetString()];
        return kinds.Contains("string") || kinds.Contains("boolean") ? JsonValue.Create(12)
            : kinds.Contains("object") || kinds.Contains("array") ? JsonValue.Create("text")
            : null;
    }

    [GeneratedRegex(@"maximum is `(\d+)`")]
    private static partial Regex Maximum();
}

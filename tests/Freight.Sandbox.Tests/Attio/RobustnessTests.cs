using Freight.Sandbox.Attio;

namespace Freight.Sandbox.Tests.Attio;

public sealed class RobustnessTests
{
    private static readonly string[] Bodies =
    [
        "", "null", "0", "\"x\"", "[]", "{", "{}", "{\"data\":null}", "{\"data\":\"x\"}", "{\"data\":{}}",
        "{\"data\":{\"values\":null}}", "{\"data\":{\"values\":{\"name\":{\"first_name\":1}}}}",
        "{\"data\":{\"values\":{\"email_addresses\":[null]}}}", "{\"data\":{\"values\":{\"domains\":[{\"domain\":[]}]}}}",
        "{\"data\":{\"values\":{\"company\":{\"target_object\":5}}}}", "{\"data\":{\"values\":{\"company\":{\"target_object\":\"companies\",\"domains\":\"x\"}}}}",
        "{\"data\":{\"values\":{\"primary_location\":[1,2]}}}", "{\"data\":{\"values\":{\"phone_numbers\":[{\"original_phone_number\":\"+\"}]}}}",
        "{\"data\":{\"values\":{\"name\":1e999}}}", "{\"data\":{\"entry_values\":{\"x\":1},\"parent_record_id\":7}}",
        "{\"filter\":{\"name\":{\"full_name\":{\"$in\":[{}]}}},\"limit\":1e30}", "{\"filter\":{\"$not\":5},\"sorts\":[5]}",
        "{\"filter\":{\"company\":{\"target_record_id\":{\"$eq\":[]}}}}",
        new string('[', 5000) + new string(']', 5000),
        "{\"data\":{\"title\":\"t\",\"format\":\"markdown\",\"content\":\"x\",\"parent_object\":\"people\",\"parent_record_id\":\"x\",\"created_at\":\"9999-12-31T23:59:59-14:00\"}}",
    ];

    private static readonly (string Method, string Url)[] Endpoints =
    [
        ("POST", "v2/objects/people/records"), ("PUT", "v2/objects/people/records?matching_attribute=email_addresses"),
        ("POST", "v2/objects/people/records/query"), ("PATCH", "v2/objects/people/records/{person}"),
        ("PUT", "v2/objects/people/records/{person}"), ("POST", "v2/objects/people/attributes"),
        ("POST", "v2/objects/companies/attributes/categories/options"), ("POST", "v2/objects/deals/attributes/stage/statuses"),
        ("POST", "v2/notes"), ("POST", "v2/lists"), ("POST", "v2/lists/pipeline/entries"), ("PUT", "v2/lists/pipeline/entries"),
        ("POST", "v2/lists/pipeline/entries/query"), ("PATCH", "v2/lists/pipeline/entries/{entry}"),
    ];

    [Fact]
    public async Task No_input_produces_a_server_error_and_every_refusal_has_the_error_shape()
    {
        await using var harness = await AttioHarness.StartAsync(new AttioSimulatorOptions { Speed = 100 });
        await harness.PostAsync("v2/lists", ListTests.Pipeline);
        var person = await harness.CreateAsync("people", """{"name":"Ada"}""");
        var company = await harness.CreateAsync("companies", """{"name":"Acme"}""");
        var entry = (await harness.PostAsync("v2/lists/pipeline/entries",
            $"{{\"data\":{{\"parent_record_id\":\"{company}\",\"parent_object\":\"companies\",\"entry_values\":{{}}}}}}")).Data
            .GetProperty("id").GetProperty("entry_id").GetString()!;
        var failures = new List<string>();

        foreach (var (method, url) in Endpoints)
        {
            foreach (var body in Bodies)
            {
                var target = url.Replace("{person}", person, StringComparison.Ordinal).Replace("{entry}", entry, StringComparison.Ordinal);
                var reply = await harness.SendAsync(new HttpMethod(method), target, body);
                if (reply.Status >= 500 || (reply.Status >= 400 && !HasErrorShape(reply)))
                {
                    failures.Add($"{method} {url} {body[..Math.Min(body.Length, 60)]}: {reply.Status} {reply.Text}");
                }
            }
        }

        foreach (var url in new[] { "v2/notes?limit=99999999999", "v2/notes?offset=x", "v2/objects/people/attributes?show_archived=maybe",
            "v2/objects/people/records/%20", "v2/notes?parent_record_id=%ff", "v2/objects/%20/records/x/entries?limit=0" })
        {
            var reply = await harness.GetAsync(url);
            if (reply.Status >= 500 || (reply.Status >= 400 && !HasErrorShape(reply)))
            {
                failures.Add($"GET {url}: {reply.Status} {reply.Text}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static bool HasErrorShape(Reply reply) =>
        reply.Body.ValueKind == System.Text.Json.JsonValueKind.Object && reply.Body.TryGetProperty("code", out _)
        && reply.Body.GetProperty("status_code").GetInt32() == reply.Status;
}

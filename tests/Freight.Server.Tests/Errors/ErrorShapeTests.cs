using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Freight.Server.Tests.Errors;

public sealed class ErrorShapeTests
{
    [Theory]
    [InlineData("/api/v1/nothing-here")]
    [InlineData("/nothing")]
    [InlineData("/api/v1/admin/tenants/not-a-guid")]
    public async Task An_unknown_route_is_404_in_the_error_shape(string path)
    {
        await using var server = await ApiServer.StartAsync();

        using var response = await server.Admin.GetAsync(path);

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "not_found", "No such resource.");
    }

    [Fact]
    public async Task A_method_a_route_does_not_take_is_405_in_the_error_shape()
    {
        await using var server = await ApiServer.StartAsync();

        using var response = await server.Admin.PutAsJsonAsync("/api/v1/admin/tenants", new { name = "x" });

        await response.AssertErrorAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Theory]
    [InlineData("{\"name\": \"Acme\", ")]
    [InlineData("not json")]
    [InlineData("{\"name\": 42, \"slug\": \"acme\"}")]
    public async Task A_body_that_is_not_the_expected_json_is_400_and_changes_nothing(string body)
    {
        await using var server = await ApiServer.StartAsync();

        using var response = await server.Admin.PostAsync("/api/v1/admin/tenants", new StringContent(body, Encoding.UTF8, "application/json"));

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
        Assert.StartsWith("The request body is not valid JSON", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await (await server.Admin.GetAsync("/api/v1/admin/tenants")).JsonAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        await using var server = await ApiServer.StartAsync();

        using var response = await server.Admin.PostAsync("/api/v1/admin/tenants", new StringContent("name=Acme&slug=acme", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await response.AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Freight:MaxRequestBodyBytes"] = "1024" });
        var body = $$"""{"name":"{{new string('a', 2000)}}","slug":"acme"}""";

        using var response = await server.Admin.PostAsync("/api/v1/admin/tenants", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task A_valid_inbound_request_id_is_kept_and_a_bad_one_replaced()
    {
        await using var server = await ApiServer.StartAsync();
        using var kept = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { { "X-Request-ID", "client-trace.42:a_b-c" } } };
        using var replaced = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { { "X-Request-ID", "bad id with spaces" } } };

        using var first = await server.Anonymous.SendAsync(kept);
        using var second = await server.Anonymous.SendAsync(replaced);
        using var third = await server.Anonymous.GetAsync("/health/live");

        Assert.Equal("client-trace.42:a_b-c", first.Headers.GetValues("X-Request-ID").Single());
        Assert.Matches("^req_[0-9a-f]{32}$", second.Headers.GetValues("X-Request-ID").Single());
        Assert.Matches("^req_[0-9a-f]{32}$", third.Headers.GetValues("X-Request-ID").Single());
        Assert.NotEqual(second.Headers.GetValues("X-Request-ID").Single(), third.Headers.GetValues("X-Request-ID").Single());
    }
}

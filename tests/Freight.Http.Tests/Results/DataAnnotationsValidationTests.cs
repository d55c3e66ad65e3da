using System.ComponentModel.DataAnnotations;
using System.Net;
using Freight.TestUtils;

namespace Freight.Http.Tests.Results;

public sealed class DataAnnotationsValidationTests
{
    private const string InvalidPerson = """{"name":null,"email":"not-an-email","age":200}""";

    [Fact]
    public async Task Invalid_record_lists_each_problem_with_its_member_name()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json(InvalidPerson));
        using var client = ApiClient.Create(TestClients.Options(server));

        var result = await client.GetAsync<Person>("people/1");

        Assert.False(result.IsSuccess);
        Assert.Equal(ApiErrorKind.Validation, result.Error.Kind);
        Assert.Equal(HttpStatusCode.OK, result.Error.StatusCode);
        Assert.Equal(
            [
                "Name: The Name field is required.",
                "Email: The Email field is not a valid e-mail address.",
                "Age: The field Age must be between 0 and 150.",
            ],
            result.Error.ValidationErrors);
        Assert.Contains("Email: The Email field is not a valid e-mail address.", result.Error.Message, StringComparison.Ordinal);
        var thrown = Assert.Throws<ApiValidationException>(() => result.Unwrap());
        Assert.Equal(result.Error.ValidationErrors, thrown.Errors);
    }

    [Fact]
    public async Task Invalid_class_is_validated_like_a_record()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("""{"sku":"","quantity":-1}"""));
        using var client = ApiClient.Create(TestClients.Options(server));

        var result = await client.GetAsync<OrderLine>("lines/1");

        Assert.Equal(ApiErrorKind.Validation, result.Error?.Kind);
        Assert.Equal(
            ["Sku: The Sku field is required.", "Quantity: The field Quantity must be between 1 and 1000."],
            result.Error!.ValidationErrors);
    }

    [Fact]
    public async Task Valid_record_passes()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("""{"name":"Ada","email":"ada@example.com","age":36}"""));
        using var client = ApiClient.Create(TestClients.Options(server));

        var result = await client.GetAsync<Person>("people/1");

        Assert.Equal(new Person("Ada", "ada@example.com", 36), result.Value);
    }

    [Fact]
    public async Task Each_item_of_a_list_is_validated_with_its_index()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("""
            {"data":[
              {"name":"Ada","email":"ada@example.com","age":36},
              {"name":"Bob","email":"bob-at-example","age":40},
              {"name":"Cy","email":"cy@example.com","age":-5}
            ]}
            """));
        using var client = ApiClient.Create(TestClients.Options(server));

        var result = await client.SendAsync<List<Person>>(ApiRequest.Get("people").WithResponseKey("data"));

        Assert.Equal(ApiErrorKind.Validation, result.Error?.Kind);
        Assert.Equal(
            ["[1].Email: The Email field is not a valid e-mail address.", "[2].Age: The field Age must be between 0 and 150."],
            result.Error!.ValidationErrors);
    }

    [Fact]
    public async Task Disabled_data_annotations_let_an_invalid_value_through()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json(InvalidPerson));
        var options = TestClients.Options(server);
        options.ValidateDataAnnotations = false;
        using var client = ApiClient.Create(options);

        var result = await client.GetAsync<Person>("people/1");

        Assert.Equal(new Person(null, "not-an-email", 200), result.Value);
    }

    [Fact]
    public async Task Custom_validator_adds_its_problems_to_the_annotations()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("""{"name":"Kid","email":"bad","age":12}"""));
        using var client = ApiClient.Create(TestClients.Options(server));

        var request = ApiRequest.Get("people/2").WithValidator<Person>(person => person.Age < 18 ? ["Age: must be an adult"] : []);
        var result = await client.SendAsync<Person>(request);

        Assert.Equal(
            ["Email: The Email field is not a valid e-mail address.", "Age: must be an adult"],
            result.Error?.ValidationErrors);
    }

    [Fact]
    public async Task Custom_validator_runs_when_data_annotations_are_off()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("""[{"name":"A","email":"a@example.com","age":20},{"name":"A","email":"b@example.com","age":30}]"""));
        var options = TestClients.Options(server);
        options.ValidateDataAnnotations = false;
        using var client = ApiClient.Create(options);

        var request = ApiRequest.Get("people").WithValidator<List<Person>>(
            people => people.GroupBy(p => p.Name).Where(g => g.Count() > 1).Select(g => $"Name '{g.Key}' appears {g.Count()} times"));
        var result = await client.SendAsync<List<Person>>(request);

        Assert.Equal(ApiErrorKind.Validation, result.Error?.Kind);
        Assert.Equal(["Name 'A' appears 2 times"], result.Error!.ValidationErrors);
    }

    [Fact]
    public async Task Custom_validator_that_finds_nothing_keeps_the_success()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("""{"name":"Ada","email":"ada@example.com","age":36}"""));
        using var client = ApiClient.Create(TestClients.Options(server));
        var seen = new List<Person>();

        var request = ApiRequest.Get("people/1").WithValidator<Person>(person =>
        {
            seen.Add(person);
            return [];
        });
        var result = await client.SendAsync<Person>(request);

        Assert.True(result.IsSuccess);
        Assert.Equal([result.Value], seen);
    }

    private sealed record Person(
        [property: Required] string? Name,
        [property: EmailAddress] string? Email,
        [property: Range(0, 150)] int Age);

    private sealed class OrderLine
    {
        [Required]
        public string? Sku { get; set; }

        [Range(1, 1000)]
        public int Quantity { get; set; }
    }
}

using System.Reflection;
using System.Text.Json.Nodes;
using Freight.Http;

namespace Freight.Client.Tests.Contract;

/// <summary>
/// The SDK against <c>api/openapi.json</c>, the API's contract: every operation has an SDK method (or a reason in
/// <see cref="OperationMap.WithoutSdkMethod"/>), and every property of each 2xx JSON body and each request body is a
/// property of the SDK record that reads or writes it.
/// </summary>
public sealed class ContractTests
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    [Fact]
    public void Every_operation_of_the_contract_has_an_sdk_method_and_the_map_names_no_other()
    {
        var contract = Operations(Document()).Select(operation => operation.Key).ToHashSet();
        var mapped = OperationMap.Operations.Select(operation => operation.Key).ToHashSet();

        Assert.Empty(contract.Except(mapped).Except(OperationMap.WithoutSdkMethod.Keys).Order(StringComparer.Ordinal));
        Assert.Empty(mapped.Concat(OperationMap.WithoutSdkMethod.Keys).Except(contract).Order(StringComparer.Ordinal));
        Assert.Equal(23, mapped.Count);
    }

    [Fact]
    public void Every_mapped_sdk_method_exists_and_returns_the_record_of_its_operation()
    {
        var problems = new List<string>();
        foreach (var operation in OperationMap.Operations)
        {
            foreach (var name in operation.SdkMethods)
            {
                var methods = SdkMethods(name);
                if (methods.Count == 0)
                {
                    problems.Add($"{operation.Key}: no SDK method {name}.");
                }
                else if (!methods.Any(method => Returns(method, operation.Response)))
                {
                    problems.Add($"{operation.Key}: {name} does not return {operation.Response?.Name ?? "ApiResult"}.");
                }
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Every_property_of_a_2xx_json_body_is_a_property_of_the_sdk_record()
    {
        var document = Document();
        var comparer = new SchemaComparer(document);
        var compared = 0;
        foreach (var (operation, node) in Mapped(document))
        {
            var success = node["responses"]!.AsObject().Where(response => response.Key.StartsWith('2')).ToList();
            var body = success.Select(response => response.Value!["content"]?.AsObject().FirstOrDefault().Value?["schema"]).SingleOrDefault(schema => schema is not null);
            if (operation.Response is null)
            {
                Assert.Null(body);
                continue;
            }

            Assert.True(body is not null, $"{operation.Key} documents no 2xx body.");
            comparer.Compare(body, operation.Response, operation.Key);
            compared++;
        }

        Assert.Empty(comparer.Problems);
        Assert.Equal(22, compared);
    }

    [Fact]
    public void Every_property_of_a_request_body_is_a_property_of_the_sdk_request()
    {
        var document = Document();
        var comparer = new SchemaComparer(document);
        var compared = new List<string>();
        foreach (var (operation, node) in Mapped(document))
        {
            if (node["requestBody"]?["content"]?["application/json"]?["schema"] is not { } schema)
            {
                continue;
            }

            var request = SdkMethods(operation.SdkMethods[0]).SelectMany(method => method.GetParameters())
                .Select(parameter => parameter.ParameterType)
                .Single(type => type.Namespace == typeof(FreightClient).Namespace && type.Name.EndsWith("Request", StringComparison.Ordinal));
            comparer.Compare(schema, request, operation.Key + " body");
            compared.Add(request.Name);
        }

        Assert.Empty(comparer.Problems);
        Assert.Equal(["CreateJobRequest", "CreateKeyRequest", "CreateTenantRequest"], compared.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_record_missing_a_property_of_the_contract_or_an_enum_missing_a_value_is_reported()
    {
        var comparer = new SchemaComparer(Document());

        comparer.Compare(JsonNode.Parse("""{"$ref":"#/components/schemas/PhaseResponse"}""")!, typeof(ShortPhase), "test");

        Assert.Equal(
            [
                "test (PhaseResponse).status: ShortPhaseStatus is [pending, running], the contract [completed, pending, running].",
                "test (PhaseResponse): ShortPhase has no property \"records_skipped\".",
            ],
            comparer.Problems);
    }

    private enum ShortPhaseStatus
    {
        Pending,
        Running,
    }

    private sealed record ShortPhase(Phase Phase, ShortPhaseStatus Status, long RecordsRead, long RecordsWritten, long RecordsFailed);

    private static IEnumerable<(OperationMap.Operation Operation, JsonObject Node)> Mapped(JsonObject document)
    {
        var nodes = Operations(document).ToDictionary(operation => operation.Key, operation => operation.Node);
        return OperationMap.Operations.Select(operation => (operation, nodes[operation.Key]));
    }

    private static IEnumerable<(string Key, JsonObject Node)> Operations(JsonObject document) =>
        from path in document["paths"]!.AsObject()
        from method in path.Value!.AsObject()
        where Methods.Contains(method.Key)
        select ($"{method.Key.ToUpperInvariant()} {path.Key}", method.Value!.AsObject());

    /// <summary>The public methods named <c>Method</c> on the resource client <c>Resource</c> of <see cref="FreightClient"/>.</summary>
    private static List<MethodInfo> SdkMethods(string name)
    {
        var (resource, method) = (name.Split('.')[0], name.Split('.')[1]);
        var property = typeof(FreightClient).GetProperty(resource);
        return property is null ? [] : [.. property.PropertyType.GetMethods().Where(candidate => candidate.Name == method)];
    }

    private static bool Returns(MethodInfo method, Type? response)
    {
        if (response is null)
        {
            return method.ReturnType == typeof(Task<ApiResult>);
        }

        var reached = Reach(method.ReturnType);
        return reached.Contains(response) || response.GetGenericArguments().Any(reached.Contains);
    }

    /// <summary>The type, its generic arguments, and the property types of SDK records among them.</summary>
    private static HashSet<Type> Reach(Type type)
    {
        var types = new HashSet<Type>();
        var pending = new Stack<(Type Type, bool Expand)>([(type, true)]);
        while (pending.TryPop(out var next))
        {
            if (!types.Add(next.Type))
            {
                continue;
            }

            foreach (var argument in next.Type.GetGenericArguments())
            {
                pending.Push((argument, next.Expand));
            }

            if (next.Expand && next.Type.Namespace == typeof(FreightClient).Namespace && !next.Type.IsEnum)
            {
                foreach (var property in next.Type.GetProperties())
                {
                    pending.Push((property.PropertyType, false));
                }
            }
        }

        return types;
    }

    private static JsonObject Document()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var contract = Path.Combine(directory.FullName, "api", "openapi.json");
            if (File.Exists(Path.Combine(directory.FullName, "Freight.slnx")) && File.Exists(contract))
            {
                return JsonNode.Parse(File.ReadAllText(contract))!.AsObject();
            }
        }

        throw new InvalidOperationException($"No api/openapi.json next to a Freight.slnx above {AppContext.BaseDirectory}.");
    }
}

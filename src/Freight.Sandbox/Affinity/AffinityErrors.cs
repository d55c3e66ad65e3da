namespace Freight.Sandbox.Affinity;

/// <summary>The v2 error body: <c>{"errors":[{"code","message","param"?}]}</c> (CRM_APIS.md A3).</summary>
internal sealed record AffinityErrors(IReadOnlyList<AffinityError> Errors)
{
    public static AffinityErrors Of(string code, string message, string? param = null) => new([new(code, message, param)]);
}

/// <summary>One error; <see cref="Param"/> is written only for validation errors.</summary>
internal sealed record AffinityError(
    string Code,
    string Message,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    string? Param = null);

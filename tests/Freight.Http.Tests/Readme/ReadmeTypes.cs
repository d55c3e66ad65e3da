using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Freight.Http.Tests.Readme;

public sealed record Company(int Id, string Name);

public sealed record Person(
    [property: Required] string Name,
    [property: EmailAddress] string Email);

public sealed record Row([property: JsonPropertyName("n")] long N);

public sealed class CorrelationHook : IRequestHook
{
    public ValueTask<HttpResponseMessage?> BeforeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Add("X-Correlation-ID", Guid.NewGuid().ToString("N"));
        return ValueTask.FromResult<HttpResponseMessage?>(null);
    }
}

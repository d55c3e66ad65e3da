using Freight.Sandbox.Dataset;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Freight.Sandbox.Affinity;

/// <summary>The Affinity v2 read endpoints Freight uses, served from a <see cref="SandboxDataset"/>.</summary>
public static partial class AffinityApi
{
    /// <summary>Registers the dataset, options and rate budgets that <see cref="MapAffinity"/> serves.</summary>
    public static IServiceCollection AddAffinity(this IServiceCollection services, SandboxDataset dataset, AffinitySimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.AddSingleton(dataset);
        services.AddSingleton(options);
        services.AddSingleton(new UserRateLimit(options.PerMinuteLimit, options.MonthlyLimit, options.TimeProvider));
        services.AddSingleton<AffinityGate>();
        return services;
    }

    public static RouteGroupBuilder MapAffinity(this IEndpointRouteBuilder routes)
    {
        var v2 = routes.MapGroup("/v2");
        v2.AddEndpointFilter<AffinityGate>();

        v2.MapGet("/auth/whoami", WhoAmI);

        v2.MapGet("/companies", (HttpRequest request, SandboxDataset data) =>
            Paged(request, data.Companies, c => c.ToDto()));
        v2.MapGet("/companies/{id:long}", (long id, SandboxDataset data) =>
            Found(data.Companies.FindById(id)?.ToDto(), "Company", id));
        v2.MapGet("/companies/fields", (HttpRequest request, SandboxDataset data) =>
            Paged(request, GlobalFields(data, EntityType.Company), f => f.ToDto()));

        v2.MapGet("/persons", (HttpRequest request, SandboxDataset data) =>
            Paged(request, data.Persons, p => p.ToDto()));
        v2.MapGet("/persons/{id:long}", (long id, SandboxDataset data) =>
            Found(data.Persons.FindById(id)?.ToDto(), "Person", id));
        v2.MapGet("/persons/fields", (HttpRequest request, SandboxDataset data) =>
            Paged(request, GlobalFields(data, EntityType.Person), f => f.ToDto()));

        v2.MapGet("/opportunities", (HttpRequest request, SandboxDataset data) =>
            Paged(request, data.Opportunities, o => o.ToDto()));
        v2.MapGet("/opportunities/{id:long}", (long id, SandboxDataset data) =>
            Found(data.Opportunities.FindById(id)?.ToDto(), "Opportunity", id));

        v2.MapGet("/lists", (HttpRequest request, SandboxDataset data) =>
            Paged(request, data.Lists, l => l.ToDto()));
        v2.MapGet("/lists/{listId:long}", (long listId, SandboxDataset data) =>
            Found(FindList(data, listId)?.ToDto(), "List", listId));
        v2.MapGet("/lists/{listId:long}/fields", ListFields);
        v2.MapGet("/lists/{listId:long}/list-entries", ListEntries);

        v2.MapGet("/notes", Notes);
        v2.MapGet("/notes/{noteId:long}", Note);

        return v2;
    }

    private static Ok<WhoAmIDto> WhoAmI(SandboxDataset data)
    {
        // The key belongs to the first internal user.
        var user = data.Persons[0];
        return TypedResults.Ok(new WhoAmIDto(
            new TenantDto(1, "Freight Sandbox", "freight-sandbox"),
            new UserDto(user.Id, user.FirstName, user.LastName ?? "", user.PrimaryEmailAddress ?? "user1@sandbox.invalid"),
            new GrantDto("api-key", ["api"], new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero))));
    }

    private static Results<Ok<PagedDto<FieldMetadataDto>>, JsonHttpResult<AffinityErrors>> ListFields(
        long listId, HttpRequest request, SandboxDataset data)
    {
        if (FindList(data, listId) is not { } list)
        {
            return NotFound("List", listId);
        }

        // A list's own fields first, then the global fields of the entity it holds.
        var fields = data.Fields.Where(f => f.ListId == listId)
            .Concat(GlobalFields(data, list.Type))
            .ToList();
        return Paged(request, fields, f => f.ToDto());
    }

    private static Results<Ok<PagedDto<ListEntryDto>>, JsonHttpResult<AffinityErrors>> ListEntries(
        long listId, HttpRequest request, SandboxDataset data)
    {
        if (data.EntriesOf(listId) is not { } entries)
        {
            return NotFound("List", listId);
        }

        return Paged(request, entries, e => e.ToDto(data));
    }

    private static Results<Ok<PagedDto<TDto>>, JsonHttpResult<AffinityErrors>> Paged<T, TDto>(
        HttpRequest request, IReadOnlyList<T> records, Func<T, TDto> map, PageLimits? limits = null)
    {
        if (!CursorPaging.TryRead(request, records.Count, limits ?? PageLimits.Standard, out var window, out var error))
        {
            return TypedResults.Json(error, statusCode: StatusCodes.Status400BadRequest);
        }

        return TypedResults.Ok(CursorPaging.Page(request, window, records.Count, (start, count) => Slice(records, start, count).Select(map)));
    }

    // Indexing builds only the records of the page: a RecordSet makes each on demand.
    private static IEnumerable<T> Slice<T>(IReadOnlyList<T> records, int start, int count)
    {
        var end = Math.Min((long)start + count, records.Count);
        for (var index = start; index < end; index++)
        {
            yield return records[index];
        }
    }

    private static Results<Ok<T>, JsonHttpResult<AffinityErrors>> Found<T>(T? value, string kind, long id)
        where T : class =>
        value is null ? NotFound(kind, id) : TypedResults.Ok(value);

    private static JsonHttpResult<AffinityErrors> NotFound(string kind, long id) =>
        TypedResults.Json(AffinityErrors.Of("not-found", $"{kind} {id} was not found."), statusCode: StatusCodes.Status404NotFound);

    private static CrmList? FindList(SandboxDataset data, long listId) => data.Lists.FirstOrDefault(l => l.Id == listId);

    private static List<Field> GlobalFields(SandboxDataset data, EntityType entity) =>
        [.. data.Fields.Where(f => f.Entity == entity && f.ListId is null)];
}

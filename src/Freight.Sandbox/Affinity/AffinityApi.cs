using Freight.Sandbox.Dataset;
using Freight.Sandbox.Inspection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Freight.Sandbox.Affinity;

/// <summary>The Affinity v2 read endpoints Freight uses, served from a <see cref="SandboxDataset"/>.</summary>
public static partial class AffinityApi
{
    private static readonly string[] OtherMethods = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    /// <summary>Registers the dataset, options and rate budgets that <see cref="MapAffinity"/> serves.</summary>
    public static IServiceCollection AddAffinity(this IServiceCollection services, SandboxDataset dataset, AffinitySimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.AddSingleton(dataset);
        services.AddSingleton(options);
        var limit = new UserRateLimit(options.PerMinuteLimit, options.MonthlyBudget, options.TimeProvider);
        services.AddSingleton(limit);
        services.AddSingleton<ISandboxResettable>(limit);
        services.AddSingleton<AffinityGate>();
        return services;
    }

    public static RouteGroupBuilder MapAffinity(this IEndpointRouteBuilder routes)
    {
        var v2 = routes.MapGroup("/v2");
        v2.AddEndpointFilter<AffinityGate>();

        Get(v2, "/auth/whoami", WhoAmI);

        Get(v2, "/companies", Companies);
        Get(v2, "/companies/fields", CompanyFields);
        Get(v2, "/companies/fields/{fieldId}/dropdown-options", CompanyDropdownOptions);
        Get(v2, "/companies/{companyId}", Company);
        Get(v2, "/companies/{companyId}/lists", CompanyLists);
        Get(v2, "/companies/{companyId}/list-entries", CompanyListEntries);
        Get(v2, "/companies/{companyId}/notes", CompanyNotes);

        Get(v2, "/persons", Persons);
        Get(v2, "/persons/fields", PersonFields);
        Get(v2, "/persons/fields/{fieldId}/dropdown-options", PersonDropdownOptions);
        Get(v2, "/persons/{personId}", Person);
        Get(v2, "/persons/{personId}/lists", PersonLists);
        Get(v2, "/persons/{personId}/list-entries", PersonListEntries);
        Get(v2, "/persons/{personId}/notes", PersonNotes);

        Get(v2, "/opportunities", Opportunities);
        Get(v2, "/opportunities/{opportunityId}", Opportunity);
        Get(v2, "/opportunities/{opportunityId}/notes", OpportunityNotes);

        Get(v2, "/lists", Lists);
        Get(v2, "/lists/{listId}", List);
        Get(v2, "/lists/{listId}/fields", ListFields);
        Get(v2, "/lists/{listId}/fields/{fieldId}/dropdown-options", ListDropdownOptions);
        Get(v2, "/lists/{listId}/list-entries", ListEntries);
        Get(v2, "/lists/{listId}/list-entries/{listEntryId}", ListEntry);

        Get(v2, "/notes", Notes);
        Get(v2, "/notes/{noteId}", Note);

        // Anything else under /v2 answers in Affinity's error shape, not with an empty 404.
        v2.MapFallback("{**path}", UnknownRoute);
        return v2;
    }

    /// <summary>Maps a GET route, and 405 <c>method-not-allowed</c> for the other methods on its path.</summary>
    private static void Get(RouteGroupBuilder group, string pattern, Delegate handler)
    {
        group.MapGet(pattern, handler);
        group.MapMethods(pattern, OtherMethods, MethodNotAllowed);
    }

    private static Ok<WhoAmIDto> WhoAmI(SandboxDataset data)
    {
        // The key belongs to the first internal user.
        var user = data.Persons[0];
        return TypedResults.Ok(new WhoAmIDto(
            new TenantDto(1, "Freight Sandbox", "freight-sandbox"),
            new UserDto(user.Id, user.FirstName, user.LastName ?? "", user.PrimaryEmailAddress ?? "user1@sandbox.invalid"),
            new GrantDto("api-key", ["api"], new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc))));
    }

    private static JsonHttpResult<AffinityErrors> UnknownRoute(HttpRequest request) =>
        TypedResults.Json(
            AffinityErrors.Of("not-found", $"No route matches {request.Method} {request.Path}."),
            statusCode: StatusCodes.Status404NotFound);

    private static JsonHttpResult<AffinityErrors> MethodNotAllowed(HttpContext context)
    {
        context.Response.Headers.Allow = HttpMethods.Get;
        return TypedResults.Json(
            AffinityErrors.Of("method-not-allowed", $"{context.Request.Method} is not allowed on {context.Request.Path}."),
            statusCode: StatusCodes.Status405MethodNotAllowed);
    }

    private static Results<Ok<PagedDto<TDto>>, JsonHttpResult<AffinityErrors>> Paged<T, TDto>(
        HttpRequest request, IReadOnlyList<T> records, Func<T, TDto> map, PageLimits? limits = null, bool withTotalCount = false)
    {
        if (!CursorPaging.TryRead(request, records.Count, limits ?? PageLimits.Standard, out var window, out var error))
        {
            return Invalid(error!);
        }

        return TypedResults.Ok(CursorPaging.Page(
            request, window, records.Count, (start, count) => Slice(records, start, count).Select(map), withTotalCount));
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

    private static JsonHttpResult<AffinityErrors> Invalid(AffinityErrors error) =>
        TypedResults.Json(error, statusCode: StatusCodes.Status400BadRequest);

    private static CrmList? FindList(SandboxDataset data, long listId) => data.Lists.FirstOrDefault(l => l.Id == listId);

    /// <summary>An entity type's own fields: its global fields, then its enriched ones.</summary>
    private static List<Field> GlobalFields(SandboxDataset data, EntityType entity) =>
        [.. data.Fields.Where(f => f.Entity == entity && f.ListId is null), .. Enrichment.FieldsOf(entity)];
}

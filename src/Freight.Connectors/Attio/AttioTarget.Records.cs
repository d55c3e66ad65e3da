using System.Text.Json;

namespace Freight.Connectors.Attio;

public sealed partial class AttioTarget
{
    private async Task<WriteResult> WriteCompanyAsync(CanonicalCompany company, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        var values = new Dictionary<string, object?>
        {
            [AttioSchemaMap.AffinityId] = company.Id,
            ["name"] = company.Name,
            ["domains"] = company.Domains.ToArray(),
        };
        await AddFieldsAsync(values, company.Fields, warnings, cancellationToken).ConfigureAwait(false);
        return await AssertAsync("companies", company.Id, values, new UniqueValues("domains", "domain", "domain"), warnings, cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task<WriteResult> WritePersonAsync(CanonicalPerson person, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        var lastName = person.LastName ?? "";
        var values = new Dictionary<string, object?>
        {
            [AttioSchemaMap.AffinityId] = person.Id,
            ["name"] = new { first_name = person.FirstName, last_name = lastName, full_name = $"{person.FirstName} {lastName}".Trim() },
            ["email_addresses"] = person.Emails.ToArray(),
        };
        if (person.CompanyIds.Count > 0)
        {
            values["company"] = new[] { Reference("companies", person.CompanyIds[0]) };
            if (person.CompanyIds.Count > 1)
            {
                warnings.Add($"Attio's company is single: person {person.Id} refers to company {person.CompanyIds[0]}, not to {string.Join(", ", person.CompanyIds.Skip(1))}.");
            }
        }

        await AddFieldsAsync(values, person.Fields, warnings, cancellationToken).ConfigureAwait(false);
        return await AssertAsync("people", person.Id, values, new UniqueValues("email_addresses", "email_address", "email"), warnings, cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task<WriteResult> WriteDealAsync(CanonicalDeal deal, CancellationToken cancellationToken)
    {
        var schema = Schema;
        var warnings = new List<string>();
        if (schema.MemberEmails.Count == 0 || schema.Stages.Count == 0)
        {
            return new WriteResult.Rejected(RejectionOrigin.Mapping, "no_owner_or_stage",
                "Attio deals need an owner and a stage: the workspace has no active member or no deal stage.", false);
        }

        var owner = schema.MemberEmails.FirstOrDefault(m => string.Equals(m, deal.OwnerEmail, StringComparison.OrdinalIgnoreCase));
        if (owner is null)
        {
            owner = schema.MemberEmails[0];
            warnings.Add($"Owner {deal.OwnerEmail ?? "(none)"} of deal {deal.Id} is not an Attio workspace member; the deal is owned by {owner}.");
        }

        var stage = schema.Stages.FirstOrDefault(s => string.Equals(s, deal.Stage, StringComparison.Ordinal));
        if (stage is null)
        {
            stage = schema.Stages[0];
            if (deal.Stage is not null)
            {
                warnings.Add($"Stage \"{deal.Stage}\" of deal {deal.Id} is not a stage of Attio's deals; the deal is in \"{stage}\".");
            }
        }

        var values = new Dictionary<string, object?>
        {
            [AttioSchemaMap.AffinityId] = deal.Id,
            ["name"] = deal.Name,
            ["stage"] = stage,
            ["owner"] = owner,
            ["associated_people"] = deal.PersonIds.Select(id => Reference("people", id)).ToArray(),
        };
        if (deal.CompanyIds.Count > 0)
        {
            values["associated_company"] = new[] { Reference("companies", deal.CompanyIds[0]) };
            if (deal.CompanyIds.Count > 1)
            {
                warnings.Add($"Attio's associated_company is single: deal {deal.Id} refers to company {deal.CompanyIds[0]}, not to {string.Join(", ", deal.CompanyIds.Skip(1))}.");
            }
        }

        await AddFieldsAsync(values, deal.Fields, warnings, cancellationToken).ConfigureAwait(false);
        return await AssertAsync("deals", deal.Id, values, unique: null, warnings, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A unique multiselect attribute besides <c>affinity_id</c> whose values may already belong to another record.</summary>
    private sealed record UniqueValues(string Slug, string Field, string Noun);

    /// <summary>
    /// Asserts the record on <c>affinity_id</c>. When a domain or email is already held by another record (Attio's
    /// <c>uniqueness_conflict</c>), writes it again without the colliding values and warns, naming both records.
    /// </summary>
    private async Task<WriteResult> AssertAsync(
        string objectSlug, string affinityId, Dictionary<string, object?> values, UniqueValues? unique, List<string> warnings, CancellationToken cancellationToken)
    {
        var path = $"v2/objects/{objectSlug}/records?matching_attribute={AttioSchemaMap.AffinityId}";
        for (var attempt = 0; ; attempt++)
        {
            var result = await _http.PutAsync(path, new { data = new { values } }, cancellationToken).ConfigureAwait(false);
            if (result.TryGetValue(out var answer))
            {
                var recordId = RecordId(answer.GetProperty("data"));
                _recordIds.Set(objectSlug, affinityId, recordId);
                return new WriteResult.Written(recordId, warnings);
            }

            var outcome = AttioHttp.ToWriteResult(result.Error!);
            if (unique is null || attempt > 0 || outcome is not WriteResult.Rejected { Code: "uniqueness_conflict" }
                || values[unique.Slug] is not string[] { Length: > 0 } mine)
            {
                return outcome;
            }

            var collisions = await CollisionsAsync(objectSlug, affinityId, unique, mine, cancellationToken).ConfigureAwait(false);
            if (collisions.Count == 0)
            {
                return outcome;
            }

            foreach (var (value, holder) in collisions)
            {
                warnings.Add($"The {unique.Noun} {value} of {objectSlug} {affinityId} is already held by {Describe(objectSlug, holder)}; "
                    + $"{objectSlug} {affinityId} was written without it (the two records are not merged).");
            }

            values[unique.Slug] = mine.Where(v => !collisions.ContainsKey(v.Trim().ToLowerInvariant())).ToArray();
        }
    }

    /// <summary>The values of <paramref name="mine"/> (lowercased) that other records hold, with the holder.</summary>
    private async Task<Dictionary<string, JsonElement>> CollisionsAsync(
        string objectSlug, string affinityId, UniqueValues unique, string[] mine, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, object>
        {
            ["filter"] = new Dictionary<string, object> { [unique.Slug] = new Dictionary<string, object> { ["$in"] = mine } },
            ["limit"] = QueryLimit,
        };
        var wanted = mine.Select(v => v.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var collisions = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var holder in await QueryAsync($"v2/objects/{objectSlug}/records/query", body, cancellationToken).ConfigureAwait(false))
        {
            if (TextValue(holder, AttioSchemaMap.AffinityId) == affinityId)
            {
                continue;
            }

            foreach (var value in AllValues(holder, unique.Slug, unique.Field).Select(v => v.ToLowerInvariant()).Where(wanted.Contains))
            {
                collisions[value] = holder;
            }
        }

        return collisions;
    }

    private static string Describe(string objectSlug, JsonElement record) => TextValue(record, AttioSchemaMap.AffinityId) is { } id
        ? $"{objectSlug} {id} (Attio record {RecordId(record)})"
        : $"Attio record {RecordId(record)}, which did not come from Affinity";
}

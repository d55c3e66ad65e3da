using System.Text.Json;

namespace Freight.Sandbox.Attio;

internal sealed partial class AttioWorkspace
{
    // Personal email providers: a person's email there names no company [UNCONFIRMED: Attio's own list is longer].
    private static readonly HashSet<string> PersonalEmailDomains = new(StringComparer.Ordinal)
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com", "yahoo.co.jp", "icloud.com",
        "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "web.de",
    };

    public RecordSnapshot GetRecord(string objectName, string recordId)
    {
        lock (_gate)
        {
            return Snapshot(Record(Object(objectName), recordId));
        }
    }

    /// <summary><c>POST /records</c>: a new record; a unique value already in use is a conflict (B6).</summary>
    public RecordSnapshot CreateRecord(string objectName, JsonElement values)
    {
        lock (_gate)
        {
            var obj = Object(objectName);
            return Snapshot(Create(obj, ParseValues(obj, values, "values")));
        }
    }

    /// <summary><c>PUT /records?matching_attribute=</c>: update the record the matching values find, or create one (B8).</summary>
    public RecordSnapshot AssertRecord(string objectName, string? matching, JsonElement values)
    {
        lock (_gate)
        {
            var obj = Object(objectName);
            if (string.IsNullOrEmpty(matching))
            {
                throw Fail.Type("The matching_attribute query parameter is required.", "matching_attribute");
            }

            var attribute = obj.FindAttribute(matching)
                ?? throw Fail.ValueNotFound($"Cannot find attribute with slug/ID \"{matching}\" on \"{obj.ApiSlug}\".");
            if (attribute.UniqueIndex is null)
            {
                throw Fail.NotUniqueMatching($"The matching attribute \"{attribute.ApiSlug}\" is not unique: assert needs a unique attribute.");
            }

            var changes = ParseValues(obj, values, "values");
            var matched = changes.Find(c => c.Attribute == attribute) is { Items.Count: > 0 } change
                ? change.Items.Select(item => attribute.UniqueIndex.GetValueOrDefault(item.Key)).OfType<RecordRow>().Distinct().ToList()
                : throw Fail.MissingValue($"The matching attribute \"{attribute.ApiSlug}\" has no value in the request.");
            if (matched.Count > 1)
            {
                throw Fail.MultipleMatches(
                    $"The values of \"{attribute.ApiSlug}\" match {matched.Count} different records; assert needs them to match at most one.");
            }

            if (matched.Count == 0)
            {
                return Snapshot(Create(obj, changes));
            }

            Write(matched[0], changes, a => a == attribute ? Merge.Prepend : Merge.Replace, creating: false);
            return Snapshot(matched[0]);
        }
    }

    /// <summary>PATCH (multiselect values prepended) or PUT (multiselect values overwritten) of one record.</summary>
    public RecordSnapshot UpdateRecord(string objectName, string recordId, JsonElement values, Merge merge)
    {
        lock (_gate)
        {
            var obj = Object(objectName);
            var row = Record(obj, recordId);
            Write(row, ParseValues(obj, values, "values"), _ => merge, creating: false);
            return Snapshot(row);
        }
    }

    /// <summary>Deletes a record with its list entries and notes, and unlinks the other side of its relationships.</summary>
    public void DeleteRecord(string objectName, string recordId)
    {
        lock (_gate)
        {
            var row = Record(Object(objectName), recordId);
            Unlink(row);
            row.Object.Rows.Remove(row);
            _records[(int)(row.Counter - 1)] = null;
            foreach (var list in _lists)
            {
                foreach (var entry in list.ByParent.GetValueOrDefault(row.Counter) ?? [])
                {
                    RemoveEntry(entry);
                }
            }

            foreach (var note in _notesByParent.GetValueOrDefault(row.Counter)?.ToList() ?? [])
            {
                RemoveNote(note);
            }
        }
    }

    private RecordRow Create(ObjectDef obj, List<ValueChange> changes)
    {
        var row = new RecordRow(obj, _counters[(int)IdKind.Record] + 1, Now);
        Write(row, changes, _ => Merge.Replace, creating: true);
        _counters[(int)IdKind.Record]++;
        _records.Add(row);
        obj.Rows.Add(row);
        if (Options.CreateCompanyFromEmailDomain && obj.ApiSlug == "people")
        {
            LinkCompanyOfEmail(row);
        }

        return row;
    }

    /// <summary>Attio creates or matches the company of a new person's email domain and links it (B4, B9.5).</summary>
    private void LinkCompanyOfEmail(RecordRow person)
    {
        var people = person.Object;
        var email = person.ValuesOf(people.FindAttribute("email_addresses")!).OfType<EmailValue>().FirstOrDefault();
        var companyAttribute = people.FindAttribute("company")!;
        if (email?.Field("email_domain") is not { } domain || PersonalEmailDomains.Contains(domain) || person.ValuesOf(companyAttribute).Count > 0)
        {
            return;
        }

        var companies = Object("companies");
        var domains = companies.FindAttribute("domains")!;
        if (domains.UniqueIndex!.GetValueOrDefault(domain) is not RecordRow company)
        {
            company = Create(companies, [new(domains, [new DomainValue(domains.Ordinal, Now, domain)])]);
        }

        Write(person, [new(companyAttribute, [new RecordReferenceValue(companyAttribute.Ordinal, Now, company)])], _ => Merge.Replace, creating: false);
    }

    private static RecordSnapshot Snapshot(RecordRow row) => new(row, row.Values, row.Object.Attributes);
}

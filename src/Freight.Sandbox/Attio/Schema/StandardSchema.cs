namespace Freight.Sandbox.Attio;

/// <summary>
/// The standard objects of a new workspace with deals enabled (CRM_APIS.md B4): people, companies, deals, users and
/// workspaces, their system attributes, relationships, select options and deal stages. Built in a fixed order, so the
/// ids are the same on every run.
/// </summary>
internal static class StandardSchema
{
    [Flags]
    private enum Rule
    {
        None = 0,
        Unique = 1,
        Multi = 2,
        Required = 4,
        ReadOnly = 8,
    }

    private sealed record Attr(string Slug, string Title, AttributeType Type, Rule Rules = Rule.None, string? Target = null, string? Inverse = null, string[]? Choices = null);

    private static readonly (string Slug, string Singular, string Plural, Attr[] Attributes)[] Objects =
    [
        ("people", "Person", "People",
        [
            Id, new("name", "Name", AttributeType.PersonalName),
            new("email_addresses", "Email addresses", AttributeType.EmailAddress, Rule.Unique | Rule.Multi),
            new("description", "Description", AttributeType.Text),
            new("company", "Company", AttributeType.RecordReference, Target: "companies", Inverse: "team"),
            new("job_title", "Job title", AttributeType.Text),
            new("avatar_url", "Avatar URL", AttributeType.Text, Rule.ReadOnly),
            new("phone_numbers", "Phone numbers", AttributeType.PhoneNumber, Rule.Multi),
            new("primary_location", "Primary location", AttributeType.Location),
            new("angellist", "AngelList", AttributeType.Text), new("facebook", "Facebook", AttributeType.Text),
            new("instagram", "Instagram", AttributeType.Text), new("linkedin", "LinkedIn", AttributeType.Text),
            new("twitter", "Twitter", AttributeType.Text),
            new("twitter_follower_count", "Twitter follower count", AttributeType.Number, Rule.ReadOnly),
            new("first_interaction", "First interaction", AttributeType.Interaction, Rule.ReadOnly),
            new("last_interaction", "Last interaction", AttributeType.Interaction, Rule.ReadOnly),
            new("associated_deals", "Associated deals", AttributeType.RecordReference, Rule.Multi, "deals", "associated_people"),
            new("associated_users", "Associated users", AttributeType.RecordReference, Rule.Multi, "users", "person"),
            CreatedAt, CreatedBy,
        ]),
        ("companies", "Company", "Companies",
        [
            Id, new("domains", "Domains", AttributeType.Domain, Rule.Unique | Rule.Multi),
            new("name", "Name", AttributeType.Text),
            new("description", "Description", AttributeType.Text),
            new("team", "Team", AttributeType.RecordReference, Rule.Multi, "people", "company"),
            new("categories", "Categories", AttributeType.Select, Rule.Multi,
                Choices: ["B2B", "B2C", "E-commerce", "Enterprise", "Financial Services", "Health Care", "SaaS", "Software", "Technology"]),
            new("primary_location", "Primary location", AttributeType.Location),
            new("logo_url", "Logo URL", AttributeType.Text, Rule.ReadOnly),
            new("angellist", "AngelList", AttributeType.Text), new("facebook", "Facebook", AttributeType.Text),
            new("instagram", "Instagram", AttributeType.Text), new("linkedin", "LinkedIn", AttributeType.Text),
            new("twitter", "Twitter", AttributeType.Text),
            new("estimated_arr_usd", "Estimated ARR", AttributeType.Select, Rule.ReadOnly,
                Choices: ["$0-$1M", "$1M-$10M", "$10M-$50M", "$50M-$100M", "$100M-$250M", "$250M-$500M", "$500M-$1B", "$1B-$10B", "$10B+"]),
            new("employee_range", "Employee range", AttributeType.Select, Rule.ReadOnly,
                Choices: ["1-10", "11-50", "51-250", "251-1K", "1K-5K", "5K-10K", "10K-50K", "50K-100K", "100K+"]),
            new("foundation_date", "Foundation date", AttributeType.Date, Rule.ReadOnly),
            new("first_interaction", "First interaction", AttributeType.Interaction, Rule.ReadOnly),
            new("last_interaction", "Last interaction", AttributeType.Interaction, Rule.ReadOnly),
            new("associated_deals", "Associated deals", AttributeType.RecordReference, Rule.Multi, "deals", "associated_company"),
            new("associated_workspaces", "Associated workspaces", AttributeType.RecordReference, Rule.Multi, "workspaces", "company"),
            CreatedAt, CreatedBy,
        ]),
        ("deals", "Deal", "Deals",
        [
            Id, new("name", "Deal name", AttributeType.Text, Rule.Required),
            new("stage", "Deal stage", AttributeType.Status, Rule.Required, Choices: ["Lead", "In Progress", "Won 🎉", "Lost"]),
            new("owner", "Deal owner", AttributeType.ActorReference, Rule.Required),
            new("value", "Deal value", AttributeType.Currency),
            new("associated_people", "Associated people", AttributeType.RecordReference, Rule.Multi, "people", "associated_deals"),
            new("associated_company", "Associated company", AttributeType.RecordReference, Target: "companies", Inverse: "associated_deals"),
            CreatedAt, CreatedBy,
        ]),
        ("users", "User", "Users",
        [
            Id, new("person", "Person", AttributeType.RecordReference, Target: "people", Inverse: "associated_users"),
            new("primary_email_address", "Email", AttributeType.EmailAddress, Rule.Unique),
            new("user_id", "ID", AttributeType.Text, Rule.Unique),
            new("workspace", "Workspace", AttributeType.RecordReference, Rule.Multi, "workspaces", "users"),
            CreatedAt, CreatedBy,
        ]),
        ("workspaces", "Workspace", "Workspaces",
        [
            Id, new("workspace_id", "Workspace ID", AttributeType.Text, Rule.Unique),
            new("name", "Name", AttributeType.Text),
            new("users", "Users", AttributeType.RecordReference, Rule.Multi, "users", "workspace"),
            new("company", "Company", AttributeType.RecordReference, Target: "companies", Inverse: "associated_workspaces"),
            new("avatar_url", "Avatar URL", AttributeType.Text, Rule.ReadOnly),
            CreatedAt, CreatedBy,
        ]),
    ];

    private static Attr Id => new("record_id", "Record ID", AttributeType.Text, Rule.Unique | Rule.ReadOnly);

    private static Attr CreatedAt => new("created_at", "Created at", AttributeType.Timestamp, Rule.ReadOnly);

    private static Attr CreatedBy => new("created_by", "Created by", AttributeType.ActorReference, Rule.ReadOnly);

    /// <summary>Builds the standard objects, taking each new id from <paramref name="newId"/>.</summary>
    public static List<ObjectDef> Build(Func<IdKind, Guid> newId)
    {
        var created = Workspace.CreatedAt;
        var objects = Objects.Select(o => new ObjectDef(newId(IdKind.Object), o.Slug, o.Singular, o.Plural, created)).ToList();
        ObjectDef Find(string slug) => objects.Single(o => o.ApiSlug == slug);

        foreach (var (obj, spec) in objects.Zip(Objects))
        {
            foreach (var attr in spec.Attributes)
            {
                var id = newId(IdKind.Attribute);
                obj.Add(new AttributeDef
                {
                    Id = id,
                    Owner = obj,
                    ApiSlug = attr.Slug,
                    Title = attr.Title,
                    Type = attr.Type,
                    IsSystem = true,
                    IsWritable = !attr.Rules.HasFlag(Rule.ReadOnly),
                    IsRequired = attr.Rules.HasFlag(Rule.Required),
                    IsUnique = attr.Rules.HasFlag(Rule.Unique),
                    IsMultiselect = attr.Rules.HasFlag(Rule.Multi),
                    Derived = attr.Slug switch
                    {
                        "record_id" => Derived.RecordId,
                        "created_at" => Derived.CreatedAt,
                        "created_by" => Derived.CreatedBy,
                        _ => Derived.None,
                    },
                    CreatedAt = created,
                    AllowedObjects = attr.Target is null ? null : [Find(attr.Target)],
                    DefaultCurrency = attr.Type == AttributeType.Currency ? "USD" : null,
                    CurrencyDisplay = attr.Type == AttributeType.Currency ? "symbol" : null,
                    Options = attr.Type == AttributeType.Select
                        ? [.. (attr.Choices ?? []).Select(title => new SelectOption(newId(IdKind.Option), title))]
                        : [],
                    Statuses = attr.Type == AttributeType.Status
                        ? [.. (attr.Choices ?? []).Select(title => new StatusOption(newId(IdKind.Status), title, title.StartsWith("Won", StringComparison.Ordinal), null))]
                        : [],
                });
            }
        }

        // Relationships name each other, so they are linked once every attribute exists.
        foreach (var (obj, spec) in objects.Zip(Objects))
        {
            foreach (var attr in spec.Attributes.Where(a => a.Inverse is not null))
            {
                obj.FindAttribute(attr.Slug)!.Inverse = Find(attr.Target!).FindAttribute(attr.Inverse!);
            }
        }

        return objects;
    }
}

namespace Freight.Sandbox.Dataset;

/// <summary>The dataset's lists and custom fields: fixed, whatever the seed and size.</summary>
internal static class FieldCatalog
{
    public const long CompanyListId = 1;
    public const long PersonListId = 2;
    public const long DealListId = 3;

    // Declared first: static initializers run in order and Ranked() reads it.
    private static readonly string[] RankColors = ["blue", "green", "yellow", "red"];

    public static readonly Field Industry = Dropdown("field-1001", "Industry", EntityType.Company, null, 101,
        "Software", "Fintech", "Healthcare", "Energy", "Retail", "Logistics", "Media", "Education");
    public static readonly Field Employees = Plain("field-1002", "Employees", EntityType.Company, null, FieldValueType.Number);
    public static readonly Field Founded = Plain("field-1003", "Founded", EntityType.Company, null, FieldValueType.Datetime);
    public static readonly Field Headquarters = Plain("field-1004", "Headquarters", EntityType.Company, null, FieldValueType.Location);
    public static readonly Field Description = Plain("field-1005", "Description", EntityType.Company, null, FieldValueType.Text);
    public static readonly Field KeyContact = Plain("field-1006", "Key contact", EntityType.Company, null, FieldValueType.Person);
    public static readonly Field Tags = Multiple(Dropdown("field-1007", "Tags", EntityType.Company, null, 111,
        "B2B", "B2C", "SaaS", "Marketplace", "Hardware", "Open source"));
    public static readonly Field Contacts = Multi("field-1008", "Contacts", EntityType.Company, null, FieldValueType.Person);
    public static readonly Field Offices = Multi("field-1009", "Offices", EntityType.Company, null, FieldValueType.Location);

    public static readonly Field JobTitle = Plain("field-1101", "Job title", EntityType.Person, null, FieldValueType.Text);
    public static readonly Field Seniority = Dropdown("field-1102", "Seniority", EntityType.Person, null, 201,
        "Intern", "Associate", "Manager", "Director", "C-level");
    public static readonly Field IntroducedBy = Plain("field-1103", "Introduced by", EntityType.Person, null, FieldValueType.Person);
    public static readonly Field FirstMet = Plain("field-1104", "First met", EntityType.Person, null, FieldValueType.Datetime);
    public static readonly Field FormerEmployer = Plain("field-1105", "Former employer", EntityType.Person, null, FieldValueType.Company);
    public static readonly Field Portfolio = Multi("field-1106", "Portfolio", EntityType.Person, null, FieldValueType.Company);
    public static readonly Field CheckSizes = Multi("field-1107", "Check sizes", EntityType.Person, null, FieldValueType.Number);

    public static readonly Field Status = Ranked("field-2001", "Status", EntityType.Company, CompanyListId, 301,
        "New", "Interested", "Diligence", "Passed");
    public static readonly Field DealSize = Plain("field-2002", "Deal size", EntityType.Company, CompanyListId, FieldValueType.Number);
    public static readonly Field Owner = Plain("field-2003", "Owner", EntityType.Company, CompanyListId, FieldValueType.Person);

    public static readonly Field Relationship = Dropdown("field-2101", "Relationship", EntityType.Person, PersonListId, 401,
        "Warm", "Cold", "Champion");
    public static readonly Field LastContacted = Plain("field-2102", "Last contacted", EntityType.Person, PersonListId, FieldValueType.Datetime);

    public static readonly Field Stage = Ranked("field-2201", "Stage", EntityType.Opportunity, DealListId, 501,
        "Lead", "In Progress", "Won 🎉", "Lost");
    public static readonly Field Amount = Plain("field-2202", "Amount", EntityType.Opportunity, DealListId, FieldValueType.Number);
    public static readonly Field CloseDate = Plain("field-2203", "Close date", EntityType.Opportunity, DealListId, FieldValueType.Datetime);
    public static readonly Field LeadCompany = Plain("field-2204", "Lead company", EntityType.Opportunity, DealListId, FieldValueType.Company);
    public static readonly Field DealTeam = Multi("field-2205", "Deal team", EntityType.Opportunity, DealListId, FieldValueType.Person);

    /// <summary>An option id that no dropdown defines, for the records Attio must reject.</summary>
    public static readonly DropdownOption RetiredIndustry = new(199, "Biotech (retired)", null, null);

    public static readonly IReadOnlyList<Field> All =
    [
        Industry, Employees, Founded, Headquarters, Description, KeyContact, Tags, Contacts, Offices,
        JobTitle, Seniority, IntroducedBy, FirstMet, FormerEmployer, Portfolio, CheckSizes,
        Status, DealSize, Owner, Relationship, LastContacted, Stage, Amount, CloseDate, LeadCompany, DealTeam,
    ];

    private static Field Plain(string id, string name, EntityType entity, long? listId, FieldValueType type) =>
        new(id, name, entity, listId, type, []);

    private static Field Multi(string id, string name, EntityType entity, long? listId, FieldValueType type) =>
        Multiple(Plain(id, name, entity, listId, type));

    private static Field Multiple(Field field) => field with { AllowsMultiple = true };

    private static Field Dropdown(string id, string name, EntityType entity, long? listId, long firstOptionId, params string[] options) =>
        new(id, name, entity, listId, FieldValueType.Dropdown,
            [.. options.Select((text, i) => new DropdownOption(firstOptionId + i, text, null, null))]);

    private static Field Ranked(string id, string name, EntityType entity, long? listId, long firstOptionId, params string[] options) =>
        new(id, name, entity, listId, FieldValueType.RankedDropdown,
            [.. options.Select((text, i) => new DropdownOption(firstOptionId + i, text, i + 1, RankColors[i % RankColors.Length]))]);
}

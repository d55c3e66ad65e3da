using System.Text.Json;

namespace Freight.Connectors.Tests.Attio;

/// <summary>A small source schema and canonical records built directly, as a source would hand them over.</summary>
internal static class Canonical
{
    public const string Description = "field-1";
    public const string Employees = "field-2";
    public const string Founded = "field-3";
    public const string Industry = "field-4";
    public const string KeyContact = "field-5";
    public const string Headquarters = "field-6";
    public const string Tags = "field-7";
    public const string Portfolio = "field-8";
    public const string CheckSizes = "field-9";
    public const string Status = "field-20";
    public const string DealSize = "field-21";
    public const string Stage = "field-30";

    public static SourceSchema Schema() => new(
        [
            new(Description, "Description", FieldType.Text, false, EntityKind.Companies, null, []),
            new(Employees, "Employees", FieldType.Number, false, EntityKind.Companies, null, []),
            new(Founded, "Founded", FieldType.Date, false, EntityKind.Companies, null, []),
            new(Industry, "Industry", FieldType.Select, false, EntityKind.Companies, null, ["Fintech", "Health"]),
            new(KeyContact, "Key contact", FieldType.Person, false, EntityKind.Companies, null, []),
            new(Headquarters, "Headquarters", FieldType.Location, false, EntityKind.Companies, null, []),
            new(Tags, "Tags", FieldType.Select, true, EntityKind.Companies, null, ["b2b", "saas", "ai"]),
            new(Portfolio, "Portfolio", FieldType.Company, true, EntityKind.People, null, []),
            new(CheckSizes, "Check sizes", FieldType.Number, true, EntityKind.People, null, []),
            new(Status, "Status", FieldType.RankedSelect, false, EntityKind.Companies, "1", ["New", "Interested", "Closed"]),
            new(DealSize, "Deal size", FieldType.Number, false, EntityKind.Companies, "1", []),
            new(Stage, "Stage", FieldType.RankedSelect, false, EntityKind.Deals, "3", ["Lead", "Diligence"]),
        ],
        [new("1", "Pipeline", EntityKind.Companies), new("3", "Deals", EntityKind.Deals)]);

    public static SourceRecord Company(string id, string name, string[]? domains = null, params FieldValue[] fields) =>
        CanonicalJson.ToRecord(id, new CanonicalCompany(id, name, domains ?? [], fields));

    public static SourceRecord Person(string id, string first, string? last, string[]? emails = null, string[]? companies = null, params FieldValue[] fields) =>
        CanonicalJson.ToRecord(id, new CanonicalPerson(id, first, last, emails ?? [], companies ?? [], fields));

    public static SourceRecord Deal(string id, string name, string[] companies, string[] people, string? stage, string? owner) =>
        CanonicalJson.ToRecord(id, new CanonicalDeal(id, name, companies, people, stage, owner, []));

    public static SourceRecord Note(string noteId, EntityKind parentKind, string parentId, string content, NoteContentFormat format = NoteContentFormat.PlainText) =>
        CanonicalJson.ToRecord($"{noteId}:{parentId}", new CanonicalNote(
            $"{noteId}:{parentId}", noteId, parentKind, parentId, format, content, new DateTimeOffset(2024, 3, 4, 5, 6, 7, 891, TimeSpan.Zero), null));

    public static SourceRecord Entry(string id, string listId, EntityKind parentKind, string parentId, params FieldValue[] fields) =>
        CanonicalJson.ToRecord(id, new CanonicalListEntry(id, listId, parentKind, parentId, fields));

    public static FieldValue Value<T>(string fieldId, T value) => new(fieldId, JsonSerializer.SerializeToElement(value));
}

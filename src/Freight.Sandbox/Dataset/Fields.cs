namespace Freight.Sandbox.Dataset;

/// <summary>
/// A custom field definition. Global fields belong to every company or person; list fields
/// (<see cref="ListId"/> set) only to that list's entries. Ids follow Affinity v2: <c>field-&lt;int&gt;</c>.
/// A field that <see cref="AllowsMultiple"/> holds a list of <see cref="ValueType"/> values (v2 wire type
/// <c>&lt;type&gt;-multi</c>, as Affinity v1's <c>allows_multiple</c>).
/// </summary>
public sealed record Field(
    string Id,
    string Name,
    EntityType Entity,
    long? ListId,
    FieldValueType ValueType,
    IReadOnlyList<DropdownOption> Options,
    bool AllowsMultiple = false);

/// <summary>Affinity v2 value types used by the dataset (wire names: text, number, datetime, dropdown, ranked-dropdown, person, company, location).</summary>
public enum FieldValueType
{
    Text,
    Number,
    Datetime,
    Dropdown,
    RankedDropdown,
    Person,
    Company,
    Location,
}

/// <summary>A dropdown option; <see cref="Rank"/> and <see cref="Color"/> only for ranked dropdowns.</summary>
public sealed record DropdownOption(long Id, string Text, int? Rank, string? Color);

public sealed record Location(string? StreetAddress, string? City, string? State, string? Country, string? Continent);

/// <summary>
/// One field's value on a record; exactly the member that matches <see cref="Type"/> is set
/// (<see cref="ReferenceId"/> for person and company values). A value of a field that allows multiple
/// values sets the plural member instead (<see cref="Options"/>, <see cref="ReferenceIds"/>,
/// <see cref="Locations"/> or <see cref="Numbers"/>), which may be empty.
/// </summary>
public sealed record FieldValue(
    string FieldId,
    FieldValueType Type,
    string? Text = null,
    double? Number = null,
    DateTimeOffset? Datetime = null,
    DropdownOption? Option = null,
    long? ReferenceId = null,
    Location? Location = null,
    IReadOnlyList<DropdownOption>? Options = null,
    IReadOnlyList<long>? ReferenceIds = null,
    IReadOnlyList<Location>? Locations = null,
    IReadOnlyList<double>? Numbers = null);

/// <summary>Why the Attio target must refuse a record (the failure path every run exercises).</summary>
public enum Rejection
{
    /// <summary>A person whose email is not a valid address: Attio answers 400 <c>validation_type</c>.</summary>
    InvalidEmail,

    /// <summary>A company whose dropdown value names an option the field does not define: 400 <c>value_not_found</c>.</summary>
    UnknownDropdownOption,

    /// <summary>An opportunity that references a company absent from the dataset: 400 <c>value_not_found</c>.</summary>
    MissingCompanyReference,

    /// <summary>A note attached to a person absent from the dataset: 404 <c>not_found</c>.</summary>
    MissingParentRecord,
}

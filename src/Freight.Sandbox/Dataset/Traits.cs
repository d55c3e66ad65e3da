using static Freight.Sandbox.Dataset.Proportions;

namespace Freight.Sandbox.Dataset;

internal enum NameScript { Latin, Accented, Cjk, Rtl, Emoji }
internal enum DomainShape { Single, None, Shared, Several }
internal enum EmailShape { One, None, Invalid, Several }
internal enum Membership { One, None, Several, Missing }
internal enum LastNameShape { Present, Missing }
internal enum DropdownShape { Known, Unknown }
internal enum NoteBody { Plain, Html, LongHtml, LongPlain }
internal enum NoteParents { One, Several, Missing }

/// <summary>
/// A trait that takes each value for an exact share of records: the value of record i is found
/// from its slot, bands laid end to end from slot 0, and the fallback beyond the last band.
/// </summary>
internal sealed class Trait<T>(SlotTable table, T fallback, params (T Value, int Percent)[] bands)
    where T : struct, Enum
{
    public T Of(long index)
    {
        var slot = table.Slot(index);
        var start = 0;
        foreach (var (value, percent) in bands)
        {
            if (slot < start + percent)
            {
                return value;
            }

            start += percent;
        }

        return fallback;
    }

    /// <summary>How many of records 0..count−1 have the value, without building them.</summary>
    public long Count(long count, T value)
    {
        var start = 0;
        foreach (var (band, percent) in bands)
        {
            if (EqualityComparer<T>.Default.Equals(band, value))
            {
                return table.CountInRange(count, start, start + percent);
            }

            start += percent;
        }

        return table.CountInRange(count, start, SlotTable.BlockSize);
    }
}

/// <summary>Every trait of the dataset, each on its own slot table so traits combine independently.</summary>
internal sealed class Traits(int seed)
{
    public Trait<NameScript> CompanyName { get; } = Names(new SlotTable(seed, 1));
    public Trait<DomainShape> CompanyDomain { get; } = new(new SlotTable(seed, 2), DomainShape.Single,
        (DomainShape.None, CompanyWithoutDomainPercent),
        (DomainShape.Shared, CompanySharingDomainPercent),
        (DomainShape.Several, CompanyWithSeveralDomainsPercent));
    public Trait<DropdownShape> CompanyDropdown { get; } = new(new SlotTable(seed, 3), DropdownShape.Known,
        (DropdownShape.Unknown, CompanyUnknownDropdownPercent));

    public Trait<NameScript> PersonName { get; } = Names(new SlotTable(seed, 4));
    public Trait<LastNameShape> PersonLastName { get; } = new(new SlotTable(seed, 5), LastNameShape.Present,
        (LastNameShape.Missing, PersonWithoutLastNamePercent));
    public Trait<EmailShape> PersonEmail { get; } = new(new SlotTable(seed, 6), EmailShape.One,
        (EmailShape.None, PersonWithoutEmailPercent),
        (EmailShape.Invalid, PersonInvalidEmailPercent),
        (EmailShape.Several, PersonWithSeveralEmailsPercent));
    public Trait<Membership> PersonCompanies { get; } = new(new SlotTable(seed, 7), Membership.One,
        (Membership.None, PersonWithoutCompanyPercent),
        (Membership.Several, PersonInSeveralCompaniesPercent));

    public Trait<Membership> OpportunityCompany { get; } = new(new SlotTable(seed, 8), Membership.One,
        (Membership.Missing, OpportunityMissingCompanyPercent),
        (Membership.None, OpportunityWithoutCompanyPercent));

    public Trait<NoteBody> NoteBody { get; } = new(new SlotTable(seed, 9), Dataset.NoteBody.Plain,
        (Dataset.NoteBody.Html, NoteHtmlPercent),
        (Dataset.NoteBody.LongHtml, NoteLongHtmlPercent),
        (Dataset.NoteBody.LongPlain, NoteLongPlainPercent));
    public Trait<NoteParents> NoteParents { get; } = new(new SlotTable(seed, 10), Dataset.NoteParents.One,
        (Dataset.NoteParents.Several, NoteWithSeveralParentsPercent),
        (Dataset.NoteParents.Missing, NoteMissingParentPercent));

    private static Trait<NameScript> Names(SlotTable table) => new(table, NameScript.Latin,
        (NameScript.Accented, AccentedNamePercent),
        (NameScript.Cjk, CjkNamePercent),
        (NameScript.Rtl, RtlNamePercent),
        (NameScript.Emoji, EmojiNamePercent));
}

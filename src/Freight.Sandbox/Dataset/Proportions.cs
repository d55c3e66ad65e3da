namespace Freight.Sandbox.Dataset;

/// <summary>
/// The dataset's shape. Sizes are per company; every "Percent" is exact in each block of 100
/// records of that kind (see <see cref="SlotTable"/>), so a dataset of 100·k records of a kind
/// carries exactly Percent·k of the trait.
/// </summary>
public static class Proportions
{
    public const int PersonsPerCompany = 3;
    public const int OpportunitiesPerCompany = 1;
    public const int NotesPerCompany = 2;
    /// <summary>The company list holds one company in this many.</summary>
    public const int CompaniesPerCompanyListEntry = 2;
    /// <summary>The person list holds one person in this many.</summary>
    public const int PersonsPerPersonListEntry = 3;
    /// <summary>Persons 1..InternalPersons are the workspace's own users (note creators, list owners).</summary>
    public const int InternalPersons = 10;

    // Names of companies and persons: accents and combining marks, CJK, right-to-left scripts, emoji.
    public const int AccentedNamePercent = 8;
    public const int CjkNamePercent = 5;
    public const int RtlNamePercent = 4;
    public const int EmojiNamePercent = 3;
    public const int UnicodeNamePercent = AccentedNamePercent + CjkNamePercent + RtlNamePercent + EmojiNamePercent;

    public const int CompanyWithoutDomainPercent = 5;
    /// <summary>Companies whose domain is another company's (Attio's domains are unique).</summary>
    public const int CompanySharingDomainPercent = 3;
    public const int CompanyWithSeveralDomainsPercent = 5;
    /// <summary>Rejected: <see cref="Rejection.UnknownDropdownOption"/>.</summary>
    public const int CompanyUnknownDropdownPercent = 1;

    public const int PersonWithoutLastNamePercent = 3;
    public const int PersonWithoutEmailPercent = 10;
    /// <summary>Rejected: <see cref="Rejection.InvalidEmail"/>.</summary>
    public const int PersonInvalidEmailPercent = 1;
    public const int PersonWithSeveralEmailsPercent = 15;
    public const int PersonWithoutCompanyPercent = 10;
    public const int PersonInSeveralCompaniesPercent = 15;

    /// <summary>Rejected: <see cref="Rejection.MissingCompanyReference"/>.</summary>
    public const int OpportunityMissingCompanyPercent = 1;
    public const int OpportunityWithoutCompanyPercent = 4;

    public const int NoteHtmlPercent = 30;
    /// <summary>Notes longer than <see cref="LongNoteMinChars"/>; half of them HTML.</summary>
    public const int NoteLongHtmlPercent = 1;
    public const int NoteLongPlainPercent = 1;
    public const int NoteWithSeveralParentsPercent = 5;
    /// <summary>Rejected: <see cref="Rejection.MissingParentRecord"/>.</summary>
    public const int NoteMissingParentPercent = 1;

    public const int LongNoteMinChars = 12_000;
    public const int LongNoteMaxChars = 40_000;
}

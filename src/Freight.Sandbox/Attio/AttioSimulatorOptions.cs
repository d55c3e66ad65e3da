using System.Net;
using Freight.Sandbox.Dataset;
using Freight.Sandbox.Faults;

namespace Freight.Sandbox.Attio;

/// <summary>How the Attio simulator authenticates, limits, keeps time and which workspace members it has.</summary>
public sealed class AttioSimulatorOptions
{
    /// <summary>Attio's published budget of read requests per second (CRM_APIS.md B2).</summary>
    public const int RealReadsPerSecond = 100;

    /// <summary>Attio's published budget of write requests per second (CRM_APIS.md B2).</summary>
    public const int RealWritesPerSecond = 25;

    /// <summary>The only key the simulator accepts, as <c>Authorization: Bearer &lt;key&gt;</c> or as Basic user name.</summary>
    public string ApiKey { get; set; } = "attio-sandbox-key";

    /// <summary>Multiplies both per-second budgets: 10 gives 1000 reads/s and 250 writes/s. Default 1.</summary>
    public double Speed { get; set; } = 1;

    /// <summary>A loopback address to listen on (anything else is refused at start).</summary>
    public IPAddress Address { get; set; } = IPAddress.Loopback;

    /// <summary>Loopback port; 0 picks a free one.</summary>
    public int Port { get; set; }

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Faults injected before the endpoints (none by default); <c>PUT /_sandbox/faults</c> replaces them at run time.</summary>
    public FaultOptions Faults { get; set; } = FaultOptions.None;

    /// <summary>The workspace's members, in order; deals' <c>owner</c> accepts their email addresses.</summary>
    public IReadOnlyList<AttioWorkspaceMember> WorkspaceMembers { get; set; } =
    [
        new("Avery", "Admin", "avery@freight-sandbox.example", "admin"),
        new("Morgan", "Member", "morgan@freight-sandbox.example", "member"),
        new("Sasha", "Suspended", "sasha@freight-sandbox.example", "suspended"),
    ];

    /// <summary>
    /// Creating a person also creates or matches the company of the person's email domain and links it
    /// through <c>company</c>, as Attio does (B4, B9.5). Off by default, since it changes record counts.
    /// </summary>
    public bool CreateCompanyFromEmailDomain { get; set; }

    internal int ReadsPerSecond => (int)Math.Max(1, Math.Round(RealReadsPerSecond * Speed));

    internal int WritesPerSecond => (int)Math.Max(1, Math.Round(RealWritesPerSecond * Speed));

    /// <summary>
    /// One member per internal user of the dataset that has a valid email address, so an Affinity owner
    /// resolves to an Attio workspace member by email. The first is an admin, the others members.
    /// </summary>
    public static IReadOnlyList<AttioWorkspaceMember> MembersFrom(SandboxDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var members = new List<AttioWorkspaceMember>();
        foreach (var person in dataset.Persons.Take(dataset.Counts.InternalPersons))
        {
            if (person.Type == PersonType.Internal && person.PrimaryEmailAddress is { } email && EmailAddress.IsValid(email))
            {
                members.Add(new(person.FirstName, person.LastName ?? "", email, members.Count == 0 ? "admin" : "member"));
            }
        }

        return members;
    }

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            throw new ArgumentException("ApiKey must not be empty.", nameof(ApiKey));
        }

        if (!(Speed > 0) || double.IsInfinity(Speed))
        {
            throw new ArgumentOutOfRangeException(nameof(Speed), Speed, "Speed must be a positive finite number.");
        }

        ArgumentNullException.ThrowIfNull(Address, nameof(Address));
        ArgumentOutOfRangeException.ThrowIfNegative(Port, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, IPEndPoint.MaxPort, nameof(Port));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        ArgumentNullException.ThrowIfNull(Faults, nameof(Faults));
        ArgumentNullException.ThrowIfNull(WorkspaceMembers, nameof(WorkspaceMembers));
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var member in WorkspaceMembers)
        {
            if (member is null || !EmailAddress.IsValid(member.EmailAddress) || !emails.Add(member.EmailAddress))
            {
                throw new ArgumentException($"Workspace member email '{member?.EmailAddress}' is invalid or repeated.", nameof(WorkspaceMembers));
            }

            if (member.AccessLevel is not ("admin" or "member" or "suspended"))
            {
                throw new ArgumentException($"Access level '{member.AccessLevel}' is not admin, member or suspended.", nameof(WorkspaceMembers));
            }
        }
    }
}

/// <summary>A member of the simulated workspace (<c>GET /v2/workspace_members</c>).</summary>
public sealed record AttioWorkspaceMember(string FirstName, string LastName, string EmailAddress, string AccessLevel = "member");

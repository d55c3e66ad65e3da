using System.Globalization;
using Spectre.Console;

namespace Freight.Cli.Demo;

/// <summary>
/// Prints a <see cref="Verification"/>: one row per object, the rows that differ marked, then the job's problems and
/// the verdict. Redirected output gets a Markdown table, which reads well in a CI log and parses easily.
/// </summary>
internal static class VerificationTable
{
    public static void Write(IAnsiConsole console, Verification verification, bool live)
    {
        var table = new Table()
            .Border(live ? TableBorder.Rounded : TableBorder.Markdown)
            .AddColumn("object")
            .AddColumn("source", column => column.RightAligned())
            .AddColumn("read", column => column.RightAligned())
            .AddColumn("migrated", column => column.RightAligned())
            .AddColumn("expected", column => column.RightAligned())
            .AddColumn("rejected")
            .AddColumn("expected rejected")
            .AddColumn("duplicates", column => column.RightAligned())
            .AddColumn("check");
        if (live)
        {
            table.Title("[bold]Verification[/]");
        }

        foreach (var row in verification.Objects)
        {
            table.AddRow(
                Cell(row.ObjectName),
                Number(row.Source, row.Read == row.Source),
                Number(row.Read, row.Read == row.Source),
                Number(row.Migrated, row.Migrated == row.ExpectedMigrated),
                Number(row.ExpectedMigrated, true),
                Cell(Reasons(row.Rejected), row.RejectionsMatch),
                Cell(Reasons(row.ExpectedRejected), true),
                Number(row.Duplicates, row.Duplicates == 0),
                Cell(row.Holds ? "ok" : "DIFFERS", row.Holds));
        }

        console.Write(table);
        foreach (var problem in verification.Problems)
        {
            console.MarkupLineInterpolated($"[red]{problem}[/]");
        }

        var migrated = verification.Objects.Sum(row => row.Migrated);
        var rejected = verification.Objects.Sum(row => row.Rejected.Values.Sum());
        if (verification.Holds)
        {
            console.MarkupLineInterpolated(
                $"[green]Verified:[/] Attio holds exactly the {migrated:N0} records that map, the {rejected:N0} rejections are the expected ones, and nothing was written twice.");
        }
        else
        {
            var differing = string.Join(", ", verification.Objects.Where(row => !row.Holds).Select(row => row.ObjectName));
            console.MarkupLineInterpolated(
                $"[red]Verification failed:[/] {(differing.Length == 0 ? "the job as a whole" : differing)} differ from what the dataset calls for.");
        }
    }

    /// <summary><c>value_not_found 12, validation_type 3</c>, or <c>0</c>.</summary>
    private static string Reasons(IReadOnlyDictionary<string, long> byCode) =>
        byCode.Count == 0 ? "0" : string.Join(", ", byCode.Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key} {pair.Value:N0}")));

    private static Markup Number(long value, bool holds) => Cell(value.ToString("N0", CultureInfo.InvariantCulture), holds);

    private static Markup Cell(string text, bool holds = true) =>
        holds ? new Markup(Markup.Escape(text)) : new Markup($"[red]{Markup.Escape(text)}[/]");
}

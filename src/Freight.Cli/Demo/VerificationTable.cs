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
            .AddColumn("migrated", column => column.RightAligned())
            .AddColumn("should be", column => column.RightAligned())
            .AddColumn("rejected as")
            .AddColumn("rejected", column => column.RightAligned())
            .AddColumn("should be", column => column.RightAligned())
            .AddColumn("duplicates", column => column.RightAligned())
            .AddColumn("check");
        if (live)
        {
            table.Title("[bold]Verification[/]").Caption("should be: what the dataset calls for, worked out from the source alone");
        }

        foreach (var row in verification.Objects)
        {
            // One line per rejection reason, the object's counts on the first.
            var reasons = row.Rejected.Keys.Union(row.ExpectedRejected.Keys).Order(StringComparer.Ordinal).ToList();
            var first = reasons.Count == 0 ? null : reasons[0];
            table.AddRow(
                Cell(row.ObjectName),
                Number(row.Source, row.Read == row.Source),
                Number(row.Migrated, row.Migrated == row.ExpectedMigrated),
                Number(row.ExpectedMigrated),
                Cell(first ?? "-"),
                Number(Count(row.Rejected, first), row.RejectionsMatch),
                Number(Count(row.ExpectedRejected, first)),
                Number(row.Duplicates, row.Duplicates == 0),
                Cell(row.Holds ? "ok" : "DIFFERS", row.Holds));
            foreach (var reason in reasons.Skip(1))
            {
                table.AddRow(
                    Cell(""), Cell(""), Cell(""), Cell(""),
                    Cell(reason),
                    Number(Count(row.Rejected, reason), row.RejectionsMatch),
                    Number(Count(row.ExpectedRejected, reason)),
                    Cell(""), Cell(""));
            }
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

    private static long Count(IReadOnlyDictionary<string, long> byReason, string? reason) =>
        reason is null ? 0 : byReason.GetValueOrDefault(reason);

    private static Markup Number(long value, bool holds = true) => Cell(value.ToString("N0", CultureInfo.InvariantCulture), holds);

    private static Markup Cell(string text, bool holds = true) =>
        holds ? new Markup(Markup.Escape(text)) : new Markup($"[red]{Markup.Escape(text)}[/]");
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using Freight.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Freight.Server.Tests.Jobs;

public sealed class CredentialStorageTests
{
    [Fact]
    public async Task No_row_of_any_table_holds_a_jobs_credentials_in_clear()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        using var keyed = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs") { Content = JsonContent.Create(JobScenario.Body()) };
        keyed.Headers.Add("Idempotency-Key", "stored-once");
        using var created = await client.SendAsync(keyed);
        using var plain = await client.PostAsJsonAsync("/api/v1/jobs", JobScenario.Body());
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (created.StatusCode, plain.StatusCode));

        var cells = await AllCellsAsync(server.Services.GetRequiredService<FreightDatabase>().ConnectionString);

        Assert.Contains(cells, cell => cell.StartsWith("jobs.source_config=", StringComparison.Ordinal));
        Assert.DoesNotContain(cells, cell => cell.Contains(JobScenario.SourceSecret, StringComparison.Ordinal));
        Assert.DoesNotContain(cells, cell => cell.Contains(JobScenario.TargetSecret, StringComparison.Ordinal));
        Assert.DoesNotContain(cells, cell => cell.Contains(key, StringComparison.Ordinal));
    }

    /// <summary>Every non-null cell of every table as "table.column=value", blobs read as UTF-8.</summary>
    private static async Task<List<string>> AllCellsAsync(string connectionString)
    {
        var cells = new List<string>();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (!reader.IsDBNull(i))
                    {
                        var value = reader.GetValue(i) is byte[] bytes ? Encoding.UTF8.GetString(bytes) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
                        cells.Add($"{table}.{reader.GetName(i)}={value}");
                    }
                }
            }
        }

        return cells;
    }
}

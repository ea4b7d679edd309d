using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Dyad.Tests.Shared;

namespace Dyad.Storage.Tests.Approved;

/// <summary>
/// A store ingested once by the dyad program from the bundled samples and the stories in Approved/input (a fused
/// meeting with a denial, a secret contact, characters the JSON writer escapes, an HTML page).
/// </summary>
public sealed class ApprovedStore : IDisposable
{
    private readonly TempFolder _folder = new();

    public ApprovedStore()
    {
        Path = _folder.File("approved.duckdb");
        var result = DyadProcess.Run("ingest", ApprovedOutputTests.Samples, ApprovedOutputTests.Input, "--date", ApprovedOutputTests.Date, "--db", Path, "--workers", "1");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"ingest failed: {result.Error}");
        }
    }

    public string Path { get; }

    public string File(string name) => _folder.File(name);

    public void Dispose() => _folder.Dispose();
}

/// <summary>
/// What users read, held to approved files in Approved/files: the event record as <c>dyad code</c> writes it (JSON and
/// TSV), every <c>dyad events</c> format, and every command's help. Any change to them fails here with a diff.
/// </summary>
public sealed class ApprovedOutputTests(ApprovedStore store) : IClassFixture<ApprovedStore>
{
    public const string Date = "2024-01-15";

    public static string Samples { get; } = System.IO.Path.Combine(DyadProcess.RepoRoot, "samples");

    public static string Input { get; } = System.IO.Path.Combine(DyadProcess.RepoRoot, "tests", "Dyad.Storage.Tests", "Approved", "input");

    /// <summary>Every command and subcommand (Dyad.Tests' HelpCoverageTests checks that none is missing).</summary>
    public static TheoryData<string> Commands { get; } =
    [
        "code", "ingest", "events", "timeline", "serve", "fuse", "sentences", "parse",
        "train", "train tagger", "train parser", "train ensemble",
        "eval", "eval text", "eval syntax", "eval stance", "eval time", "eval places",
    ];

    public static TheoryData<string> RowFormats { get; } = ["jsonl", "tsv", "gdelt", "icews", "polecat"];

    private static string Succeeded((int ExitCode, string Out, string Error) result)
    {
        Assert.True(result.ExitCode == 0, result.Error);
        return result.Out;
    }

    [Fact]
    public void Code_writes_the_json_record() =>
        ApprovedFile.Verify("code.jsonl", Succeeded(DyadProcess.Run("code", Samples, Input, "--date", Date)));

    [Fact]
    public void Code_writes_the_tsv_record() =>
        ApprovedFile.Verify("code.tsv", Succeeded(DyadProcess.Run("code", Samples, Input, "--date", Date, "--format", "tsv")));

    [Fact]
    public void Code_writes_polecat_rows() =>
        ApprovedFile.Verify("code.polecat", Succeeded(DyadProcess.Run("code", Samples, Input, "--date", Date, "--format", "polecat")));

    [Fact]
    public void Code_writes_the_table_for_reading() =>
        ApprovedFile.Verify("code.table", Succeeded(DyadProcess.Run("code", Samples, Input, "--date", Date, "--format", "table")));

    [Theory]
    [MemberData(nameof(RowFormats))]
    public void Events_export(string format) =>
        ApprovedFile.Verify($"events.{format}", Succeeded(DyadProcess.Run("events", "--db", store.Path, "--format", format)));

    [Fact]
    public void Events_export_parquet_schema_and_rows()
    {
        var path = store.File($"events-{Guid.NewGuid():N}.parquet");
        Succeeded(DyadProcess.Run("events", "--db", store.Path, "--format", "parquet", "--out", path));

        ApprovedFile.Verify("events.parquet.txt", ParquetText(path));
    }

    [Fact]
    public void Events_mentions_of_a_fused_event()
    {
        var meeting = Succeeded(DyadProcess.Run("events", "--db", store.Path, "--dyad", "JPN,CHN", "--format", "tsv")).Split('\n')[1].Split('\t')[0];

        ApprovedFile.Verify("events-mentions.txt", Succeeded(DyadProcess.Run("events", "--db", store.Path, "--id", meeting, "--mentions")));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_of_each_command(string command)
    {
        var (exitCode, output, error) = DyadProcess.Run([.. command.Split(' '), "--help"]);

        Assert.Equal(0, exitCode);
        ApprovedFile.Verify($"help-{command.Replace(' ', '-')}.txt", output + error);
    }

    [Fact]
    public void Help_of_the_program()
    {
        var (exitCode, output, error) = DyadProcess.Run("--help");

        Assert.Equal(0, exitCode);
        ApprovedFile.Verify("help.txt", output + error);
    }

    /// <summary>
    /// The file as Parquet describes it (each column's physical and logical type and repetition, from DuckDB's
    /// parquet_schema) and every row in file order, one value per line.
    /// </summary>
    private static string ParquetText(string path)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var text = new StringBuilder();
        var quoted = path.Replace("'", "''", StringComparison.Ordinal);
        Dump(connection, $"SELECT name, type, type_length, repetition_type, num_children, converted_type, scale, precision, field_id, logical_type FROM parquet_schema('{quoted}')", "column", text);
        Dump(connection, $"SELECT * FROM read_parquet('{quoted}')", "row", text);
        return text.ToString();
    }

    private static void Dump(DuckDBConnection connection, string sql, string label, StringBuilder text)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var row = 0;
        while (reader.Read())
        {
            text.Append(CultureInfo.InvariantCulture, $"{label} {row++}\n");
            for (var i = 0; i < reader.FieldCount; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {reader.GetName(i)} = {Value(reader.IsDBNull(i) ? null : reader.GetValue(i))}\n");
            }
        }
    }

    private static string Value(object? value) => value switch
    {
        null => "null",
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}

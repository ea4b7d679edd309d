using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dyad.Coding;
using Dyad.Documents;
using DuckDB.NET.Data;

namespace Dyad.Storage.Tests;

/// <summary>Temporary folders, stories written for these tests, the dyad program as a child process, and table dumps.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Path = Directory.CreateTempSubdirectory("dyad-store-").FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

internal static class Stories
{
    private static readonly Lazy<DocumentCoder> SharedCoder = new(DocumentCoder.CreateDefault);

    public static DocumentCoder Coder => SharedCoder.Value;

    public static CodedDocument Code(string id, string date, string publisher, string text) =>
        Coder.Code(new Document(id, text) { Date = DateOnly.Parse(date, CultureInfo.InvariantCulture), Publisher = publisher });

    private static readonly string[] Countries = ["Japan", "China", "Russia", "France", "Germany", "India", "Brazil", "Turkey", "Iran", "Egypt", "Kenya", "Canada"];

    private static readonly string[] Templates =
    [
        "{0} and {1} held talks in Geneva on Monday, officials said.",
        "{0} criticised {1} over its border policy.",
        "{0} imposed sanctions on {1} last month.",
        "The foreign minister of {0} visited {1} on Tuesday.",
        "{1} accused {0} of spying, state media reported.",
        "{0} promised aid to {1} after the floods.",
    ];

    /// <summary>A JSON Lines corpus of short wire-style stories, the same on every run.</summary>
    public static string WriteCorpus(string path, int documents)
    {
        var lines = new StringBuilder();
        for (var d = 0; d < documents; d++)
        {
            var text = new StringBuilder();
            for (var s = 0; s < 6; s++)
            {
                var a = Countries[(d + s) % Countries.Length];
                var b = Countries[((d * 7) + (s * 3) + 1) % Countries.Length];
                if (a == b)
                {
                    b = Countries[(Array.IndexOf(Countries, b) + 1) % Countries.Length];
                }

                text.Append(CultureInfo.InvariantCulture, $"{string.Format(CultureInfo.InvariantCulture, Templates[(d + s) % Templates.Length], a, b)} ");
            }

            text.Append(CultureInfo.InvariantCulture, $"Officials said {d + 2} delegates attended. ");
            var date = new DateOnly(2020, 1, 1).AddDays(d % 700).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            lines.Append(JsonSerializer.Serialize(new { id = $"story-{d:D4}", date, publisher = $"Wire {d % 5}", text = text.ToString().Trim() })).Append('\n');
        }

        File.WriteAllText(path, lines.ToString());
        return path;
    }

    /// <summary>
    /// Two stories under one id, "dupx" (Japan and China meet; Russia criticises France), and a third story: the second
    /// is not the first again, and must be reported rather than lost.
    /// </summary>
    public static string WriteIdClash(string path)
    {
        File.WriteAllLines(path,
        [
            JsonSerializer.Serialize(new { id = "dupx", date = "2020-03-05", text = "Japan and China held talks on Monday, officials said." }),
            JsonSerializer.Serialize(new { id = "dupx", date = "2020-03-06", text = "Russia criticised France over its border policy." }),
            JsonSerializer.Serialize(new { id = "other", date = "2020-03-06", text = "India promised aid to Kenya after the floods." }),
        ]);
        return path;
    }

    /// <summary>
    /// Stories with one event each, across the calendar: 1066, a year a 1987 story names ("in 1933"), 1965, the last
    /// day before 1970 and 1970's first (ClickHouse 18.16's Date holds neither: it starts at 1970-01-01 and stores that
    /// day as zero), 2020, and 2150 (past that Date's end). France and Germany meet in 1066 and 1933, so their
    /// timeline spans both.
    /// </summary>
    public static string WriteAcrossTheCalendar(string path)
    {
        File.WriteAllLines(path,
        [
            JsonSerializer.Serialize(new { id = "doc-1066", date = "1066-10-14", publisher = "Wire", text = "France criticised Germany over its border policy." }),
            JsonSerializer.Serialize(new { id = "year-1933", date = "1987-03-02", publisher = "Wire", text = "Germany and France signed a treaty in 1933, officials said." }),
            JsonSerializer.Serialize(new { id = "doc-1965", date = "1965-06-15", publisher = "Wire", text = "Japan and China held talks in Geneva on Monday, officials said." }),
            JsonSerializer.Serialize(new { id = "doc-1969", date = "1969-12-31", publisher = "Wire", text = "Russia criticised France over its border policy." }),
            JsonSerializer.Serialize(new { id = "doc-1970", date = "1970-01-01", publisher = "Wire", text = "India promised aid to Kenya after the floods." }),
            JsonSerializer.Serialize(new { id = "doc-2020", date = "2020-03-05", publisher = "Wire", text = "Iran accused Egypt of spying, state media reported." }),
            JsonSerializer.Serialize(new { id = "doc-2150", date = "2150-07-01", publisher = "Wire", text = "Brazil and Canada held talks on Monday, officials said." }),
        ]);
        return path;
    }
}

internal static class DyadProcess
{
    /// <summary>The repository's root: the folder above the test binaries that holds Dyad.slnx.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The dyad program as its own project builds it (with its native libraries), run with `dotnet`.</summary>
    public static string ProgramPath { get; } = FindProgram();

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Dyad.slnx")))
        {
            directory = directory.Parent;
        }

        return directory!.FullName;
    }

    private static string FindProgram()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{System.IO.Path.DirectorySeparatorChar}Debug{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        return System.IO.Path.Combine(RepoRoot, "src", "Dyad.Cli", "bin", configuration, "net10.0", "linux-x64", "dyad.dll");
    }

    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(ProgramPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    public static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}

internal static class Tables
{
    /// <summary>Every row of the store's data tables, as text, in a stable order: two stores with equal dumps hold the same data.</summary>
    public static string Dump(string path)
    {
        using var connection = new DuckDBConnection($"Data Source={path};ACCESS_MODE=READ_ONLY");
        connection.Open();
        var dump = new StringBuilder();
        foreach (var (table, order) in new[] { ("documents", "doc_id"), ("sentences", "doc_id, sentence"), ("events", "event_id"), ("mentions", "mention_id") })
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} ORDER BY {order}";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                dump.Append(table);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    dump.Append('\t').Append(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
                }

                dump.Append('\n');
            }
        }

        return dump.ToString();
    }

    public static long Count(string path, string table)
    {
        using var connection = new DuckDBConnection($"Data Source={path};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}

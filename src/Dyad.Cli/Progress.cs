using System.Diagnostics;
using System.Globalization;

namespace Dyad.Cli;

/// <summary>
/// How far a long run has got, on standard error: on a terminal one line redrawn in place (stories, events,
/// stories/s, time left when the number of stories is known); elsewhere (a log file, CI) one line every
/// <see cref="CliContext.ProgressInterval"/>, so a log shows the run is alive without a line per story. A run shorter
/// than the interval (counted from the first story done, which waits for the models to load) prints nothing. Lines
/// start with the command's name, never "dyad: ", which marks errors.
/// </summary>
internal sealed class Progress
{
    /// <summary>How often a terminal's line is redrawn: often enough to look alive, rarely enough to cost nothing.</summary>
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(250);

    private readonly string _command;
    private readonly TextWriter _error;
    private readonly bool _terminal;
    private readonly TimeSpan _interval;
    private readonly int? _total;
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private TimeSpan _last;
    private int _drawnWidth;
    private (long Stories, TimeSpan At)? _first;

    private Progress(string command, TextWriter error, bool terminal, TimeSpan interval, int? total)
    {
        _command = command;
        _error = error;
        _terminal = terminal;
        _interval = interval;
        _total = total;
    }

    /// <summary>Progress for a command, or null when --quiet asks for none.</summary>
    public static Progress? Start(string command, CliContext context, bool quiet, IReadOnlyList<string> inputs) =>
        quiet ? null : new Progress(command, context.Error, context.ErrorIsTerminal, context.ProgressInterval, StoryCount.Estimate(inputs));

    /// <summary>Reports the stories done so far (coded, stored, skipped or failed) and the events they gave.</summary>
    public void Report(long stories, long events)
    {
        lock (_lock)
        {
            var now = _watch.Elapsed;
            // The rate counts from the first story done: before it, the models were loading, which a rate over the
            // whole run would spread over every story still to come.
            // The first interval, too, counts from there, so a short run prints nothing however long the loading took.
            if (_first is null)
            {
                _first = (stories, now);
                _last = now;
            }

            var wait = _terminal ? (_drawnWidth == 0 ? TimeSpan.FromSeconds(1) : RedrawInterval) : _interval;
            if (now - _last < wait)
            {
                return;
            }

            _last = now;
            var line = Line(stories, events, now);
            if (_terminal)
            {
                // Carriage return and padding redraw the line over the last one, however long that was.
                _error.Write("\r" + line.PadRight(_drawnWidth));
                _drawnWidth = line.Length;
            }
            else
            {
                _error.WriteLine(line);
            }

            _error.Flush();
        }
    }

    /// <summary>Clears a terminal's line, so the summary or an error that follows starts on a clean line.</summary>
    public void Finish()
    {
        lock (_lock)
        {
            if (_terminal && _drawnWidth > 0)
            {
                _error.Write("\r" + new string(' ', _drawnWidth) + "\r");
                _error.Flush();
                _drawnWidth = 0;
            }
        }
    }

    private string Line(long stories, long events, TimeSpan elapsed)
    {
        var (firstStories, firstAt) = _first!.Value;
        var done = _total is { } total and > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{stories:N0} of {Counts.Of(total, "story", "stories")} ({Math.Min(100, 100.0 * stories / total):F0} %)")
            : Counts.Of(stories, "story", "stories");
        var line = $"{_command}: {done}, {Counts.Of(events, "event", "events")}";
        if (stories <= firstStories)
        {
            // One point gives no rate worth showing (the first story carries the models' loading).
            return line;
        }

        var rate = (stories - firstStories) / Math.Max(0.001, (elapsed - firstAt).TotalSeconds);
        line += string.Create(CultureInfo.InvariantCulture, $", {rate:F1} stories/s");
        if (_total is { } all && all > stories)
        {
            line += ", about " + Duration(TimeSpan.FromSeconds((all - stories) / rate)) + " left";
        }

        return line;
    }

    private static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes:00} min")
        : span.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min {span.Seconds:00} s")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (int)Math.Ceiling(span.TotalSeconds))} s");
}

/// <summary>A count with its noun in the right number: "1 story", "2 stories", "1,200 events".</summary>
internal static class Counts
{
    public static string Of(long count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? one : many)}");
}

/// <summary>
/// How many stories the inputs hold, counted cheaply before the run so progress can say how long is left: a .txt or
/// .html file is one, a .jsonl file one per line, a folder the sum of its files. Unknown (null) when an
/// input is standard input or a JSON array, which cannot be counted without reading them whole.
/// </summary>
internal static class StoryCount
{
    /// <summary>Beyond this many files in folders, counting costs more than it tells: the total stays unknown.</summary>
    private const int MaxFiles = 1_000_000;

    public static int? Estimate(IReadOnlyList<string> inputs)
    {
        try
        {
            long total = 0;
            var files = 0;
            foreach (var input in inputs)
            {
                IEnumerable<string> paths = Directory.Exists(input)
                    ? Directory.EnumerateFiles(input, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MaxRecursionDepth = 64 })
                    : [input];
                foreach (var path in paths)
                {
                    if (++files > MaxFiles || Of(path) is not { } count)
                    {
                        return null;
                    }

                    total += count;
                }
            }

            return total <= int.MaxValue ? (int)total : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The run itself reports unreadable inputs; progress just goes without a total.
            return null;
        }
    }

    /// <summary>
    /// The line breaks in a file, plus one for a last line without one, counted in a small buffer: a file may hold a
    /// single line far larger than memory allows (the reader reports it), so lines are never made into strings.
    /// Blank lines count too; an estimate is all progress needs.
    /// </summary>
    private static long Lines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 16];
        long lines = 0;
        var last = (byte)'\n';
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            last = buffer[read - 1];
        }

        return last == (byte)'\n' ? lines : lines + 1;
    }

    private static long? Of(string path)
    {
        if (path == "-")
        {
            return null;
        }

        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".txt" or ".html" or ".htm":
                return 1;
            case ".jsonl":
                return Lines(path);
            case ".json":
                return null;
            default:
                // Not a story file: the reader skips it, so it adds nothing.
                return 0;
        }
    }
}

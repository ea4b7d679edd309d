using System.Globalization;
using System.Text.Json;
using Dyad.Text;

namespace Dyad.Cli;

/// <summary>Small helpers for writing JSON Lines with one <see cref="Utf8JsonWriter"/>.</summary>
internal static class JsonFields
{
    public static void WriteSpan(Utf8JsonWriter json, TextSpan? span)
    {
        if (span is { } s)
        {
            json.WriteNumber("start", s.Start);
            json.WriteNumber("end", s.End);
        }
        else
        {
            json.WriteNull("start");
            json.WriteNull("end");
        }
    }

    public static void WriteDate(Utf8JsonWriter json, string name, DateOnly? date)
    {
        if (date is { } d)
        {
            json.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>Ends one JSON Lines record: flushes the writer, writes a newline, and readies it for the next object.</summary>
    public static void EndLine(Utf8JsonWriter json, Stream output)
    {
        json.Flush();
        output.WriteByte((byte)'\n');
        json.Reset(output);
    }
}

using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Dyad.Documents;

/// <summary>One input read: a document, or the reason it could not be read.</summary>
public readonly record struct DocumentInput(Document? Document, DocumentError? Error)
{
    public static DocumentInput Ok(Document document) => new(document, null);

    public static DocumentInput Fail(string source, string message) => new(null, new DocumentError(source, message));
}

/// <summary>
/// Reads documents from files (.txt, .html, .json, .jsonl), folders (recursively, in ordinal path order) and
/// JSON Lines on standard input ("-"). Bad inputs become <see cref="DocumentError"/>s and reading goes on.
/// </summary>
public sealed class DocumentReader
{
    /// <summary>The largest document Dyad codes, in characters; a longer one is reported, not truncated.</summary>
    public const int MaxDocumentLength = 4_000_000;

    /// <summary>The largest file read whole (a JSON Lines file of many stories may be this big).</summary>
    public const long MaxFileBytes = 1L << 30;

    private static readonly string[] Extensions = [".txt", ".html", ".htm", ".json", ".jsonl"];

    private readonly DateOnly? _defaultDate;
    private readonly HtmlTextExtractor _html = new();

    public DocumentReader(DateOnly? defaultDate = null)
    {
        _defaultDate = defaultDate;
    }

    public IEnumerable<DocumentInput> Read(IEnumerable<string> inputs, TextReader? standardInput = null)
    {
        foreach (var input in inputs)
        {
            if (input == "-")
            {
                foreach (var result in ReadJsonLines(standardInput ?? Console.In, "<stdin>"))
                {
                    yield return result;
                }
            }
            else if (Directory.Exists(input))
            {
                var files = Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (files.Count == 0)
                {
                    yield return DocumentInput.Fail(input, "folder holds no .txt, .html, .json or .jsonl files");
                }

                foreach (var file in files)
                {
                    foreach (var result in ReadFile(file))
                    {
                        yield return result;
                    }
                }
            }
            else if (File.Exists(input))
            {
                foreach (var result in ReadFile(input))
                {
                    yield return result;
                }
            }
            else
            {
                yield return DocumentInput.Fail(input, "no such file or folder");
            }
        }
    }

    public IEnumerable<DocumentInput> ReadFile(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        string text;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxFileBytes)
            {
                return [DocumentInput.Fail(path, $"file is too large ({info.Length:N0} bytes; the limit is {MaxFileBytes:N0})")];
            }

            var (decoded, error) = DecodeUtf8(File.ReadAllBytes(path));
            if (error is not null)
            {
                return [DocumentInput.Fail(path, error)];
            }

            text = decoded!;
        }
        catch (IOException e)
        {
            return [DocumentInput.Fail(path, $"cannot read: {e.Message}")];
        }
        catch (UnauthorizedAccessException e)
        {
            return [DocumentInput.Fail(path, $"cannot read: {e.Message}")];
        }

        return extension switch
        {
            ".jsonl" => ReadJsonLines(new StringReader(text), path),
            ".json" => ReadJsonFile(text, path),
            ".html" or ".htm" => [FromHtml(text, path)],
            _ => [FromText(text, Path.GetFileNameWithoutExtension(path), path, null)],
        };
    }

    /// <summary>Reads JSON Lines documents (see CONTRACT.md); a bad line is reported with its number and skipped.</summary>
    public IEnumerable<DocumentInput> ReadJsonLines(TextReader reader, string source)
    {
        var lineNumber = 0;
        var any = false;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            any = true;
            var where = $"{source}:{lineNumber}";
            if (line.Length > MaxDocumentLength * 2)
            {
                yield return DocumentInput.Fail(where, $"line is too long ({line.Length:N0} characters; the limit is {MaxDocumentLength * 2:N0})");
                continue;
            }

            yield return ParseJsonLine(line, where);
        }

        if (!any)
        {
            yield return DocumentInput.Fail(source, "empty input: no documents");
        }
    }

    private DocumentInput ParseJsonLine(string line, string where)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            return FromJson(json.RootElement, where);
        }
        catch (JsonException e)
        {
            return DocumentInput.Fail(where, $"malformed JSON ({FirstSentence(e.Message)})");
        }
    }

    private IEnumerable<DocumentInput> ReadJsonFile(string text, string path)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } n ? $":{n + 1}" : string.Empty;
            return [DocumentInput.Fail(path + line, $"malformed JSON ({FirstSentence(e.Message)})")];
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                var results = new List<DocumentInput>();
                var index = 0;
                foreach (var item in root.EnumerateArray())
                {
                    results.Add(FromJson(item, $"{path}[{index++}]"));
                }

                return results.Count > 0 ? results : [DocumentInput.Fail(path, "empty input: no documents")];
            }

            return [FromJson(root, path)];
        }
    }

    private DocumentInput FromJson(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return DocumentInput.Fail(where, "expected a JSON object with \"id\" and \"text\"");
        }

        string? Field(string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        var id = Field("id");
        if (string.IsNullOrWhiteSpace(id))
        {
            return DocumentInput.Fail(where, "missing required string field \"id\"");
        }

        var text = Field("text");
        if (text is null)
        {
            return DocumentInput.Fail(where, $"document '{id}': missing required string field \"text\"");
        }

        DateOnly? date = _defaultDate;
        if (Field("date") is { } dateText)
        {
            if (!TryParseDate(dateText, out var parsed))
            {
                return DocumentInput.Fail(where, $"document '{id}': \"date\" is not an ISO date: '{dateText}'");
            }

            date = parsed;
        }

        var result = FromText(text, id, where, date);
        return result.Document is { } document
            ? DocumentInput.Ok(document with
            {
                Title = Field("title"),
                Publisher = Field("publisher"),
                Url = Field("url"),
                Dateline = Field("dateline"),
            })
            : result;
    }

    private DocumentInput FromHtml(string html, string path)
    {
        if (!_html.TryExtract(html, out var extracted, out var error))
        {
            return DocumentInput.Fail(path, error);
        }

        var result = FromText(extracted.Text, Path.GetFileNameWithoutExtension(path), path, extracted.Date ?? _defaultDate);
        return result.Document is { } document
            ? DocumentInput.Ok(document with { Title = extracted.Title, Publisher = extracted.Publisher, Url = extracted.Url })
            : result;
    }

    private DocumentInput FromText(string text, string id, string source, DateOnly? date)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return DocumentInput.Fail(source, "empty document: no text");
        }

        if (text.Length > MaxDocumentLength)
        {
            return DocumentInput.Fail(source, $"document is too large ({text.Length:N0} characters; the limit is {MaxDocumentLength:N0})");
        }

        if (text.Contains('\0'))
        {
            return DocumentInput.Fail(source, $"text holds a NUL character at offset {text.IndexOf('\0')}: binary data, not a story");
        }

        // ASCII is already NFC; asking ICU costs a fifth of the text stage's time on wire copy.
        var normalised = Ascii.IsValid(text) || text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        return DocumentInput.Ok(new Document(id, normalised) { Date = date ?? _defaultDate, Source = source });
    }

    /// <summary>Decodes strict UTF-8, naming the byte offset of the first invalid sequence or binary content.</summary>
    internal static (string? Text, string? Error) DecodeUtf8(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return (null, "empty file");
        }

        var nul = bytes[..Math.Min(bytes.Length, 65536)].IndexOf((byte)0);
        if (nul >= 0)
        {
            return (null, $"binary file (NUL byte at byte offset {nul})");
        }

        var offset = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            var status = Utf8.ToUtf16(bytes[offset..], chars, out var read, out var written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                return (null, $"not valid UTF-8 (invalid byte 0x{bytes[offset + read]:X2} at byte offset {offset + read})");
            }

            return (new string(chars, 0, written), null);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    internal static bool TryParseDate(string text, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            date = DateOnly.FromDateTime(moment.UtcDateTime);
            return true;
        }

        return false;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.');
    }
}

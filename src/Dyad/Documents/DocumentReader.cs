using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Dyad.Documents;

/// <summary>One input read: a document, or the reason it could not be read.</summary>
internal readonly record struct DocumentInput(Document? Document, DocumentError? Error)
{
    public static DocumentInput Ok(Document document) => new(document, null);

    public static DocumentInput Fail(string source, string message) => new(null, new DocumentError(source, message));
}

/// <summary>
/// Reads documents from files (.txt, .html, .json, .jsonl), folders (recursively, in ordinal path order, each real
/// file once) and JSON Lines on standard input ("-"). Bad inputs become <see cref="DocumentError"/>s and reading
/// goes on: a bad line or array element spoils only itself, and a file given by path is read exactly as the same
/// bytes on standard input would be. No input is held whole beyond the size of one document. HTML is read by the
/// <see cref="IHtmlTextReader"/> given; without one, .html and .htm files are reported, not read.
/// </summary>
internal sealed class DocumentReader
{
    /// <summary>The largest document Dyad codes, in characters; a longer one is reported, not truncated.</summary>
    public const int MaxDocumentLength = 4_000_000;

    /// <summary>
    /// The most bytes one document's input may take (a .txt or .html file, a JSON line or array element): room for
    /// <see cref="MaxDocumentLength"/> characters of any script, escaped or marked up. Larger inputs are skipped
    /// unread, so their size never reaches memory.
    /// </summary>
    public const int MaxDocumentBytes = 4 * MaxDocumentLength;

    /// <summary>The longest document id: ids name events and error lines.</summary>
    public const int MaxIdLength = 1_000;

    private static readonly string[] Extensions = [".txt", ".html", ".htm", ".json", ".jsonl"];

    private readonly DateOnly? _defaultDate;
    private readonly IHtmlTextReader? _html;
    private readonly DateOnly _today;

    /// <param name="defaultDate">The date of inputs that carry none (<c>--date</c>); for a dateline's day, its year.</param>
    /// <param name="html">Reads the text out of HTML pages.</param>
    /// <param name="today">The run's date, for the year of a dateline when there is no default date (the clock's, if not given).</param>
    public DocumentReader(DateOnly? defaultDate = null, IHtmlTextReader? html = null, DateOnly? today = null)
    {
        _defaultDate = defaultDate;
        _html = html;
        _today = today ?? DateOnly.FromDateTime(DateTime.UtcNow);
    }

    public IEnumerable<DocumentInput> Read(IEnumerable<string> inputs, Stream? standardInput = null)
    {
        foreach (var input in inputs)
        {
            if (input == "-")
            {
                var stream = standardInput ?? Console.OpenStandardInput();
                foreach (var result in Guarded(stream, ReadJsonLines(stream, "<stdin>"), "<stdin>", dispose: false))
                {
                    yield return result;
                }
            }
            else if (Directory.Exists(input))
            {
                var contents = FolderWalker.Walk(input, Extensions);
                foreach (var problem in contents.Problems)
                {
                    yield return new DocumentInput(null, problem);
                }

                if (contents.Files.Count == 0 && contents.Problems.Count == 0)
                {
                    yield return DocumentInput.Fail(input, "folder holds no .txt, .html, .json or .jsonl files");
                }

                foreach (var file in contents.Files)
                {
                    foreach (var result in ReadFile(file))
                    {
                        yield return result;
                    }
                }
            }
            else if (File.Exists(input) && !Extensions.Contains(Path.GetExtension(input).ToLowerInvariant()))
            {
                // Named by path, a README or a spreadsheet is a mistake to report, not a story to code (in a folder,
                // such files are passed over: a folder of stories may well hold a README).
                yield return DocumentInput.Fail(input, "not a story file (.txt, .html, .htm, .json, .jsonl); skipped");
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
        if (extension is ".jsonl" or ".json")
        {
            return ReadStreamed(path, extension);
        }

        string text;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxDocumentBytes)
            {
                return [DocumentInput.Fail(path, $"file is too large for one story ({info.Length:N0} bytes; the limit is {MaxDocumentBytes:N0}); not read")];
            }

            var (decoded, error) = DecodeUtf8(File.ReadAllBytes(path));
            if (error is not null)
            {
                return [DocumentInput.Fail(path, error)];
            }

            text = decoded!;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [DocumentInput.Fail(path, $"cannot read: {e.Message}")];
        }

        return extension switch
        {
            ".html" or ".htm" => [FromHtml(text, path)],
            _ => [FromPlainText(text, path)],
        };
    }

    /// <summary>
    /// A plain-text story carries no date of its own; one whose first line is a dateline with a day ("TOKYO, March
    /// 12 (Reuters) -", "BEIJING, Nov. 28 Kyodo") takes it from there, else the default date.
    /// </summary>
    private DocumentInput FromPlainText(string text, string path)
    {
        var result = FromText(text, Path.GetFileNameWithoutExtension(path), path, null);
        if (result.Document is { } document && DocumentCleaner.DatelineDate(document.Text, _defaultDate?.Year, _today) is { } dated)
        {
            return DocumentInput.Ok(document with { Date = dated, DateFromDateline = true, DateFrom = _defaultDate is null ? "dateline, latest year" : "dateline" });
        }

        return result;
    }

    /// <summary>A JSON or JSON Lines file, read as a stream; a file that cannot be opened is one error.</summary>
    private IEnumerable<DocumentInput> ReadStreamed(string path, string extension)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [DocumentInput.Fail(path, $"cannot read: {e.Message}")];
        }

        return Guarded(stream, extension == ".jsonl" ? ReadJsonLines(stream, path) : ReadJsonFile(stream, path), path, dispose: true);
    }

    /// <summary>Yields a stream's documents (closing a file's); a read that fails midway ends that input with one error.</summary>
    private static IEnumerable<DocumentInput> Guarded(Stream stream, IEnumerable<DocumentInput> documents, string source, bool dispose)
    {
        using (dispose ? stream : null)
        {
            using var enumerator = documents.GetEnumerator();
            while (true)
            {
                DocumentInput next;
                var failed = false;
                try
                {
                    if (!enumerator.MoveNext())
                    {
                        yield break;
                    }

                    next = enumerator.Current;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    next = DocumentInput.Fail(source, $"cannot read: {e.Message}");
                    failed = true;
                }

                yield return next;
                if (failed)
                {
                    yield break;
                }
            }
        }
    }

    /// <summary>
    /// Reads JSON Lines documents (see docs/record.md) from bytes; a bad line (malformed JSON, invalid UTF-8, an
    /// unpaired surrogate, a line too long) is reported with its number and skipped, and the rest is read.
    /// </summary>
    public IEnumerable<DocumentInput> ReadJsonLines(Stream stream, string source)
    {
        var lines = new ByteLineReader(stream, MaxDocumentBytes);
        var any = false;
        while (lines.TryRead(out var line))
        {
            var bytes = line.Number == 1 && line.Bytes.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? line.Bytes[3..] : line.Bytes;
            if (!line.TooLong && IsBlank(bytes.Span))
            {
                continue;
            }

            var where = $"{source}:{line.Number}";
            if (!any && !line.TooLong && bytes.Span.Contains((byte)0))
            {
                // A binary file named .jsonl (or piped in by mistake) is one error, not one per "line" of it.
                yield return DocumentInput.Fail(source, $"binary data, not JSON Lines (NUL byte in line {line.Number}); not read");
                yield break;
            }

            any = true;
            if (line.TooLong)
            {
                yield return DocumentInput.Fail(where, $"line is too long ({line.Length:N0} bytes; the limit is {MaxDocumentBytes:N0}); skipped unread");
                continue;
            }

            yield return ParseJson(bytes, where);
        }

        if (!any)
        {
            yield return DocumentInput.Fail(source, "empty input: no documents");
        }
    }

    /// <summary>
    /// Reads JSON Lines documents from text already decoded (tests and benchmarks hold corpora as strings), exactly as
    /// the same text's bytes would be read from a file.
    /// </summary>
    public IEnumerable<DocumentInput> ReadJsonLines(TextReader reader, string source) =>
        ReadJsonLines(new MemoryStream(Encoding.UTF8.GetBytes(reader.ReadToEnd())), source);

    /// <summary>A .json file: one document object, or an array of them read one element at a time.</summary>
    private IEnumerable<DocumentInput> ReadJsonFile(Stream stream, string path)
    {
        var reader = new JsonArrayReader(stream, MaxDocumentBytes);
        var any = false;
        foreach (var element in reader.Elements())
        {
            var where = reader.IsArray ? $"{path}[{element.Index}]" : path;
            if (element.TooLong)
            {
                any = true;
                yield return DocumentInput.Fail(where, $"document is too large ({element.Length:N0} bytes; the limit is {MaxDocumentBytes:N0}); skipped unread");
            }
            else if (element.Unterminated)
            {
                any = true;
                yield return DocumentInput.Fail($"{path}:{element.Line}", "malformed JSON (the file ends inside a value)");
            }
            else
            {
                any = true;
                yield return ParseJson(element.Bytes, where);
            }
        }

        if (!any)
        {
            yield return DocumentInput.Fail(path, "empty input: no documents");
        }
    }

    private DocumentInput ParseJson(ReadOnlyMemory<byte> bytes, string where)
    {
        if (!Utf8.IsValid(bytes.Span))
        {
            var (_, error) = DecodeUtf8(bytes.Span);
            return DocumentInput.Fail(where, error ?? "not valid UTF-8");
        }

        try
        {
            using var json = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true });
            return FromJson(json.RootElement, where);
        }
        catch (JsonException e)
        {
            return DocumentInput.Fail(where, $"malformed JSON ({FirstSentence(e.Message)})");
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyExcept(" \t\r\n"u8) < 0;

    private DocumentInput FromJson(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return DocumentInput.Fail(where, "expected a JSON object with \"id\" and \"text\"");
        }

        // Every field Dyad reads must be a string (or absent, or null): a number or object in its place is reported,
        // never dropped silently. A string holding an unpaired surrogate escape ("\ud800") is not Unicode text.
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in (ReadOnlySpan<string>)["id", "text", "date", "title", "publisher", "url", "dateline"])
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                fields[name] = null;
                continue;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                return DocumentInput.Fail(where, $"\"{name}\" must be a string, not {Describe(value.ValueKind)}");
            }

            try
            {
                fields[name] = value.GetString();
            }
            catch (InvalidOperationException)
            {
                return DocumentInput.Fail(where, $"\"{name}\" holds an unpaired surrogate escape (such as \\ud800): not valid Unicode text");
            }
        }

        var id = fields["id"];
        if (string.IsNullOrWhiteSpace(id))
        {
            return DocumentInput.Fail(where, "missing required string field \"id\"");
        }

        if (id.Length > MaxIdLength)
        {
            return DocumentInput.Fail(where, $"\"id\" is too long ({id.Length:N0} characters; the limit is {MaxIdLength:N0})");
        }

        var text = fields["text"];
        if (text is null)
        {
            return DocumentInput.Fail(where, $"document '{id}': missing required string field \"text\"");
        }

        DateOnly? date = null;
        if (fields["date"] is { } dateText)
        {
            if (!TryParseDate(dateText, out var parsed))
            {
                return DocumentInput.Fail(where, $"document '{id}': \"date\" is not an ISO date: '{Shorten(dateText)}'");
            }

            date = parsed;
        }

        var result = FromText(text, id, where, date);
        return result.Document is { } document
            ? DocumentInput.Ok(document with
            {
                Title = fields["title"],
                Publisher = fields["publisher"],
                Url = fields["url"],
                Dateline = fields["dateline"],
            })
            : result;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>A value quoted in an error line: enough to recognise it, never a megabyte of it.</summary>
    private static string Shorten(string value) =>
        value.Length <= 40 ? value : string.Create(CultureInfo.InvariantCulture, $"{value[..40]}... ({value.Length:N0} characters)");

    private DocumentInput FromHtml(string html, string path)
    {
        if (_html is null)
        {
            return DocumentInput.Fail(path, "HTML not read: no HTML reader was given");
        }

        if (!_html.TryRead(html, out var extracted, out var error))
        {
            return DocumentInput.Fail(path, error);
        }

        DateOnly? date = extracted.DateText is { } dateText && TryParseDate(dateText, out var parsed) ? parsed : null;
        var result = FromText(extracted.Text, Path.GetFileNameWithoutExtension(path), path, date);
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
        return DocumentInput.Ok(new Document(id, normalised)
        {
            Date = date ?? _defaultDate,
            DateFrom = date is not null ? "input" : _defaultDate is not null ? "--date" : null,
            Source = source,
        });
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

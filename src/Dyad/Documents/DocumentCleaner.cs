using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using Dyad.Text;

namespace Dyad.Documents;

/// <summary>
/// Separates a story's news body from what surrounds it: the headline, a byline or agency line, the dateline,
/// and boilerplate that addresses the reader (subscription pitches, copyright lines, share prompts, photo credits).
/// Boilerplate is found by general rules — cue phrases, and position among the trailing lines — never by
/// matching a particular story's words.
/// </summary>
internal sealed partial class DocumentCleaner
{
    private readonly FrozenDictionary<string, string?> _agencies;

    /// <summary>A cleaner that knows these agencies (name, and the country each is based in when it has one).</summary>
    public DocumentCleaner(IEnumerable<KeyValuePair<string, string?>> agencies)
    {
        _agencies = agencies.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public static DocumentCleaner Default { get; } = new(LoadAgencies());

    public bool IsAgency(string name) => _agencies.ContainsKey(name.Trim());

    /// <summary>The country an agency is based in (Kyodo: JPN), or null.</summary>
    public string? AgencyCountry(string? name) => name is not null && _agencies.TryGetValue(name.Trim(), out var country) ? country : null;

    public DocumentLayout Clean(Document document)
    {
        var text = document.Text;
        var lines = SplitLines(text);
        var roles = new LineRole[lines.Count];

        Headline? headline = document.Title is { Length: > 0 } title ? new Headline(title.Trim(), null) : null;
        Byline? byline = null;
        var boilerplate = new List<Boilerplate>();

        // Header zone: the first few non-blank lines may be a headline and a byline.
        var seen = 0;
        for (var i = 0; i < lines.Count && seen < 3; i++)
        {
            var line = lines[i];
            if (line.IsBlank)
            {
                continue;
            }

            seen++;
            var lineText = line.Span.Slice(text);
            if (byline is null && TryReadByline(lineText, line.Span) is { } found)
            {
                byline = found;
                roles[i] = LineRole.Byline;
                continue;
            }

            if (headline is null && seen == 1 && LooksLikeHeadline(lines, i, lineText))
            {
                headline = new Headline(lineText, line.Span);
                roles[i] = LineRole.Headline;
                continue;
            }

            break;
        }

        MarkBoilerplate(text, lines, roles, boilerplate);

        // Body: runs of unmarked lines within a paragraph.
        var body = new List<TextSpan>();
        var runStart = -1;
        var runEnd = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var breaksParagraph = line.IsBlank || roles[i] != LineRole.Body || line.StartsParagraph;
            if (breaksParagraph && runStart >= 0)
            {
                body.Add(new TextSpan(runStart, runEnd));
                runStart = -1;
            }

            if (line.IsBlank || roles[i] != LineRole.Body)
            {
                continue;
            }

            if (runStart < 0)
            {
                runStart = line.Span.Start;
            }

            runEnd = line.Span.End;
        }

        if (runStart >= 0)
        {
            body.Add(new TextSpan(runStart, runEnd));
        }

        Dateline? dateline = null;
        if (document.Dateline is { Length: > 0 } given)
        {
            // A dateline given apart from the text ("NEW YORK, Feb 26 -") has no story after it for the pattern to
            // find; its place is what comes before the first comma or dash.
            var trimmed = given.Trim();
            var place = trimmed.Split([',', '-', '\u2013', '\u2014'], 2)[0].Trim();
            dateline = ParseDateline(trimmed, null) ?? new Dateline(null, trimmed, place.Length > 0 ? place : trimmed, null, null);
        }

        if (body.Count > 0)
        {
            var first = body[0];
            var found = ParseDateline(first.Slice(text), first);
            if (found is { Span: { } span })
            {
                dateline ??= found;
                var rest = span.End;
                if (rest < first.End)
                {
                    body[0] = new TextSpan(rest, first.End);
                }
                else
                {
                    body.RemoveAt(0);
                }
            }
        }

        return new DocumentLayout(headline, byline, dateline, boilerplate, body);
    }

    private void MarkBoilerplate(string text, List<Line> lines, LineRole[] roles, List<Boilerplate> boilerplate)
    {
        // Anywhere: paragraphs of one short line that are plainly not news. (A cue inside wrapped body text,
        // "... a copyright case", must not cut a line out of a paragraph.)
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].IsBlank || roles[i] != LineRole.Body || !IsWholeParagraph(lines, i))
            {
                continue;
            }

            var lineText = lines[i].Span.Slice(text);
            if (StandaloneCue().IsMatch(lineText) && CountWords(lineText) <= 25)
            {
                roles[i] = LineRole.Boilerplate;
            }
            else if (StrongCue().Match(lineText) is { Success: true } && CountWords(lineText) <= 40 && !LooksLikeReportedSpeech(lineText))
            {
                roles[i] = LineRole.Boilerplate;
            }
        }

        // Trailing block: walking back from the end, reader-addressing lines next to boilerplate are boilerplate too,
        // and so is a bare agency sign-off ("Reuter").
        var followingIsBoilerplate = false;
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (lines[i].IsBlank)
            {
                continue;
            }

            var lineText = lines[i].Span.Slice(text);
            if (roles[i] == LineRole.Boilerplate)
            {
                followingIsBoilerplate = true;
                continue;
            }

            if (roles[i] != LineRole.Body)
            {
                break;
            }

            if (StrongCue().IsMatch(lineText) && CountWords(lineText) <= 40 && !LooksLikeReportedSpeech(lineText))
            {
                roles[i] = LineRole.Boilerplate;
                followingIsBoilerplate = true;
                continue;
            }

            if (IsAgency(lineText.Trim('(', ')', ' ', '-', '\u2014')))
            {
                roles[i] = LineRole.SignOff;
                followingIsBoilerplate = true;
                continue;
            }

            if (followingIsBoilerplate && ReaderCue().IsMatch(lineText) && CountWords(lineText) <= 40)
            {
                roles[i] = LineRole.Boilerplate;
                continue;
            }

            break;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (roles[i] is LineRole.Boilerplate or LineRole.SignOff)
            {
                var lineText = lines[i].Span.Slice(text);
                boilerplate.Add(new Boilerplate(lines[i].Span, lineText, Reason(lineText, roles[i])));
            }
        }
    }

    private static string Reason(string line, LineRole role)
    {
        if (role == LineRole.SignOff)
        {
            return "agency sign-off";
        }

        if (StandaloneCue().Match(line) is { Success: true } standalone)
        {
            return $"standalone cue '{standalone.Value.Trim()}'";
        }

        if (StrongCue().Match(line) is { Success: true } strong)
        {
            return $"cue '{strong.Value}'";
        }

        var reader = ReaderCue().Match(line);
        return $"addresses the reader ('{reader.Value}') next to boilerplate at the end";
    }

    private Byline? TryReadByline(string line, TextSpan span)
    {
        if (CountWords(line) > 10 || line.EndsWith('.') && !line.EndsWith("Jr.", StringComparison.Ordinal))
        {
            return null;
        }

        var bullet = BulletName().Match(line);
        if (bullet.Success)
        {
            var name = bullet.Groups["name"].Value.Trim();
            return new Byline(span, line, name, IsAgency(name));
        }

        var by = ByName().Match(line);
        if (by.Success)
        {
            var name = by.Groups["name"].Value.Trim();
            var agency = by.Groups["agency"].Success ? by.Groups["agency"].Value.Trim() : null;
            return new Byline(span, line, agency is not null && IsAgency(agency) ? $"{name}, {agency}" : name, false);
        }

        var bare = line.Trim().Trim('(', ')').Trim();
        return IsAgency(bare) ? new Byline(span, line, bare, true) : null;
    }

    private static bool LooksLikeHeadline(List<Line> lines, int index, string line)
    {
        var words = CountWords(line);
        if (words is 0 or > 20 || line.EndsWith('.') || line.EndsWith(',') || line.EndsWith(';'))
        {
            return false;
        }

        // A headline stands on its own line, above a story: a blank line or a new paragraph follows, and then text.
        // A story of one line (a wire brief, a test sentence) is its own body, not a headline over nothing.
        var next = index + 1;
        var storyFollows = lines.Skip(next).Any(l => !l.IsBlank);
        return storyFollows && (lines[next].IsBlank || lines[next].StartsParagraph);
    }

    /// <summary>
    /// The day a story's first line dates it to, as a dateline gives it: a place in capitals (or one followed by an
    /// agency in parentheses), a comma, a month and a day ("TOKYO, March 12 (Reuters) -", "BEIJING, Nov. 28 Kyodo").
    /// The year is the dateline's own, else <paramref name="year"/> (from <c>--date</c> or the input), else the latest
    /// year that does not put the day after <paramref name="today"/>.
    /// </summary>
    public static DateOnly? DatelineDate(string text, int? year, DateOnly today)
    {
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var end = text.IndexOf('\n', start);
        var line = text[start..(end < 0 ? text.Length : end)];
        var match = DatelineDay().Match(line);
        if (!match.Success || (match.Groups["place"].Value.Any(char.IsLower) && !match.Groups["agency"].Success))
        {
            return null;
        }

        var month = Array.FindIndex(MonthPrefixes, p => match.Groups["month"].Value.StartsWith(p, StringComparison.Ordinal)) + 1;
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["year"].Success)
        {
            year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        }

        var resolved = year ?? (new DateOnly(today.Year, month, 1) > today ? today.Year - 1 : today.Year);
        if (year is null && month == today.Month && day > today.Day)
        {
            resolved = today.Year - 1;
        }

        return resolved is >= 1 and <= 9999 && day <= DateTime.DaysInMonth(resolved, month) ? new DateOnly(resolved, month, day) : null;
    }

    private static readonly string[] MonthPrefixes = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    [GeneratedRegex(@"^(?<place>\p{Lu}[\p{L}.'\u2019\-]+(?:\s+\p{Lu}[\p{L}.'\u2019\-]+){0,3}),\s*(?:\p{Lu}[\p{L}.]+,\s*)?(?<month>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))[a-z]*\.?\s+(?<day>\d{1,2})\b(?:,\s*(?<year>\d{4}))?\s*(?:\((?<agency>\p{L}[\p{L} .&\-]{0,30})\)|(?=\p{Lu}|-|\u2014|\u2013|$))")]
    private static partial Regex DatelineDay();

    private Dateline? ParseDateline(string paragraph, TextSpan? paragraphSpan)
    {
        var match = DatelinePattern().Match(paragraph);
        if (!match.Success)
        {
            var agencyOnly = AgencyDateline().Match(paragraph);
            if (agencyOnly.Success && IsAgency(agencyOnly.Groups["agency"].Value))
            {
                return Make(agencyOnly, string.Empty, null, agencyOnly.Groups["agency"].Value);
            }

            return null;
        }

        var place = match.Groups["place"].Value.Trim();
        var date = match.Groups["date"].Success ? match.Groups["date"].Value : null;
        var agency = match.Groups["agency"].Success ? match.Groups["agency"].Value.Trim() : null;
        var capitals = place.Any(char.IsUpper) && !place.Any(char.IsLower);
        if (!capitals && date is null && (agency is null || !IsAgency(agency)))
        {
            return null; // "Officials said - ..." is not a dateline; "Tokyo, Nov. 28 (Kyodo) --" is.
        }

        // Papers of South Asia and the Gulf end a dateline with a colon ("SANAA:", "Baghdad, Jun 16 (IANS):"); a
        // newsroom label in capitals ("BREAKING:", "UPDATE:") ends so too, and is no place.
        if (match.Groups["colon"].Success && date is null && agency is null && NewsroomLabels.Contains(place))
        {
            return null;
        }

        if (match.Groups["region"].Success)
        {
            place = $"{place}, {match.Groups["region"].Value.Trim()}";
        }

        return Make(match, place, date, agency);

        Dateline Make(Match m, string placeName, string? dateText, string? agencyName)
        {
            var length = m.Length;
            TextSpan? span = paragraphSpan is { } ps ? new TextSpan(ps.Start, ps.Start + length) : null;
            return new Dateline(span, paragraph[..length].TrimEnd(), placeName, dateText, agencyName);
        }
    }

    private static readonly FrozenSet<string> NewsroomLabels = new[]
    {
        "BREAKING", "BREAKING NEWS", "UPDATE", "UPDATED", "EXCLUSIVE", "ANALYSIS", "OPINION", "EDITORIAL", "COMMENT", "FACTBOX",
        "FACT CHECK", "EXPLAINER", "WATCH", "LISTEN", "VIDEO", "PHOTOS", "LIVE", "CORRECTION", "NOTE", "EDITOR'S NOTE", "SOURCE", "REVIEW",
        "INTERVIEW", "SPECIAL REPORT", "INSIGHT", "FEATURE", "URGENT", "FLASH", "ALERT", "NEWS", "UPDATE 1", "WRAPUP",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static bool IsWholeParagraph(List<Line> lines, int i) =>
        lines[i].StartsParagraph && (i + 1 >= lines.Count || lines[i + 1].IsBlank || lines[i + 1].StartsParagraph);

    private static bool LooksLikeReportedSpeech(string line) => ReportedSpeech().IsMatch(line);

    private static int CountWords(string line)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in line)
        {
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                count++;
            }
        }

        return count;
    }

    private static List<Line> SplitLines(string text)
    {
        var lines = new List<Line>();
        var start = 0;
        var previousBlank = true;
        while (start <= text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            var s = start;
            var e = end;
            while (s < e && char.IsWhiteSpace(text[s]))
            {
                s++;
            }

            while (e > s && char.IsWhiteSpace(text[e - 1]))
            {
                e--;
            }

            var blank = s == e;

            // Wire copy marks a new paragraph by indenting its first line.
            var indent = s - start;
            var indented = indent >= 2 || (indent == 1 && text[start] == '\t');
            lines.Add(new Line(new TextSpan(s, e), blank, !blank && (previousBlank || indented)));
            previousBlank = blank;
            if (newline < 0)
            {
                break;
            }

            start = newline + 1;
        }

        return lines;
    }

    private static Dictionary<string, string?> LoadAgencies()
    {
        var agencies = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in ResourceFiles.ReadText("lexicon/news-agencies.txt").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                var fields = line.Split('\t');
                agencies[fields[0].Trim()] = fields.Length > 1 ? fields[1].Trim() : null;
            }
        }

        return agencies;
    }

    [GeneratedRegex(@"^[\u2022\u00B7*\u25CF\u25AA\-\u2013\u2014]\s*(?<name>\p{Lu}[\p{L}.'\u2019\-]*(?:\s+(?:\p{Lu}[\p{L}.'\u2019\-]*|and|of|de|van|von|al|bin))*)\s*$")]
    private static partial Regex BulletName();

    [GeneratedRegex(@"^[Bb][Yy]:?\s+(?<name>\p{Lu}[\p{L}.'\u2019\-]*(?:\s+(?:\p{Lu}[\p{L}.'\u2019\-]*|and|AND|de|van|von|al|bin)|\s*,\s*(?=\p{Lu}[\p{L}.'\u2019\-]*\s+\p{Lu}))*)(?:\s*(?:,|\||/|\u2014|-)\s*(?<agency>\p{L}[\p{L} .\-]*))?\s*$")]
    private static partial Regex ByName();

    [GeneratedRegex(@"^(?<place>\p{Lu}[\p{Lu}.'\u2019\-]+(?:\s+\p{Lu}[\p{Lu}.'\u2019\-]+){0,3}|\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){0,2})(?:,\s*(?<region>\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+)?)(?=\s*[,(\-\u2013\u2014]))?(?:,\s*(?<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?))?\s*(?:\((?<agency>\p{L}[\p{L} .&\-]{0,30})\))?\s*(?:-{1,2}|\u2014|\u2013|(?<colon>:))\s+")]
    private static partial Regex DatelinePattern();

    [GeneratedRegex(@"^\((?<agency>\p{L}[\p{L} .&\-]{0,30})\)\s*(?:-{1,2}|\u2014|\u2013)\s+")]
    private static partial Regex AgencyDateline();

    [GeneratedRegex(@"\b(?:subscrib\w*|newsletters?|sign(?:ed)? up (?:for|to)|all rights reserved|copyright|click here|follow us|download (?:our|the) app|support (?:our|independent|quality) journalism|terms of (?:use|service)|privacy policy|(?:reporting|editing|writing|additional reporting) by|photo credit|getty images|share this (?:article|story)|share on (?:facebook|twitter|x)|become a member|donate)\b|\u00A9|\([cC]\)\s*\d{4}", RegexOptions.IgnoreCase)]
    private static partial Regex StrongCue();

    [GeneratedRegex(@"^(?:read more|related(?: stories| articles| coverage| content)?|see also|more on this|advertisement|sponsored|share this|share|photo|file photo|image|caption|listen|watch)\s*(?::|\||$)", RegexOptions.IgnoreCase)]
    private static partial Regex StandaloneCue();

    [GeneratedRegex(@"\b(?:you|your|we|our|us|journalism|readers?|subscribers?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReaderCue();

    [GeneratedRegex(@"\b(?:said|says|told|according to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReportedSpeech();

    private readonly record struct Line(TextSpan Span, bool IsBlank, bool StartsParagraph);

    private enum LineRole
    {
        Body,
        Headline,
        Byline,
        Boilerplate,
        SignOff,
    }
}

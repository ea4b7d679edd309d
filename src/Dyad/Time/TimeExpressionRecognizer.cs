using System.Collections.Frozen;
using System.Globalization;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Time;

/// <summary>
/// Finds and normalises temporal expressions in a sentence, anchored on the publication date and the tense of
/// the verb each expression modifies: absolute ("May 2014", "Nov. 3", "in 2004"), relative ("last February",
/// "next month", "Monday", "two days ago"), parts ("early September", "the start of November", "late 2011"),
/// ranges ("between September and November") and vague spans ("in recent months"). Each resolves to an
/// inclusive interval with a precision.
/// </summary>
internal static class TimeExpressionRecognizer
{
    private static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3, ["april"] = 4, ["apr"] = 4,
        ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7, ["august"] = 8, ["aug"] = 8, ["september"] = 9,
        ["sep"] = 9, ["sept"] = 9, ["october"] = 10, ["oct"] = 10, ["november"] = 11, ["nov"] = 11, ["december"] = 12, ["dec"] = 12,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, DayOfWeek> Weekdays = new Dictionary<string, DayOfWeek>(StringComparer.Ordinal)
    {
        ["monday"] = DayOfWeek.Monday, ["mon"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["tue"] = DayOfWeek.Tuesday,
        ["tues"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday, ["wed"] = DayOfWeek.Wednesday, ["thursday"] = DayOfWeek.Thursday,
        ["thu"] = DayOfWeek.Thursday, ["thur"] = DayOfWeek.Thursday, ["thurs"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday,
        ["fri"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday, ["sat"] = DayOfWeek.Saturday, ["sunday"] = DayOfWeek.Sunday,
        ["sun"] = DayOfWeek.Sunday,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Whether a word (its lower-case key) names a month or a day of the week ("March", "Sunday").</summary>
    public static bool IsCalendarWord(string key) => Months.ContainsKey(key) || Weekdays.ContainsKey(key);

    private static readonly FrozenDictionary<string, int> Numbers = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15,
        ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40,
        ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90, ["hundred"] = 100, ["dozen"] = 12,
        ["several"] = 3, ["few"] = 3, ["couple"] = 2,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Words that, before a bare year or month name, make it a time ("in 2004", "since May").
    private static readonly FrozenSet<string> TimePrepositions = new[]
    {
        "in", "since", "until", "till", "by", "from", "to", "of", "between", "and", "during", "before", "after", "through", "throughout", "for", "around", "as", "on",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// All time expressions in <paramref name="tokens"/>, left to right, not overlapping.
    /// <paramref name="tenseAt"/> gives the tense of the verb governing a token; <paramref name="reference"/> is the
    /// last time mentioned before this sentence, for "that month" and "the following day".
    /// </summary>
    public static IReadOnlyList<TimeExpression> Find(IReadOnlyList<Token> tokens, DateOnly anchor, Func<int, Tense> tenseAt, EventDate? reference) =>
        Find(tokens, anchor, tenseAt, reference, everyPosition: false);

    /// <summary>
    /// As <see cref="Find"/>; with <paramref name="everyPosition"/>, tries every position even in a sentence with no
    /// word an expression needs (for the test that holds <see cref="MayNameTime"/> to the matcher).
    /// </summary>
    internal static IReadOnlyList<TimeExpression> Find(IReadOnlyList<Token> tokens, DateOnly anchor, Func<int, Tense> tenseAt, EventDate? reference, bool everyPosition)
    {
        // A quotation opened with backquotes (``Today, ...) may leave them on the word.
        var words = tokens.Select(t => t.Text.ToLowerInvariant().TrimEnd('.').TrimStart('`')).ToArray();
        if (!everyPosition && !Array.Exists(words, MayNameTime))
        {
            return [];
        }

        var result = new List<TimeExpression>();
        var i = 0;

        // A time named earlier in the same sentence is the one later expressions count from: "third-quarter net
        // of $5 million, against $4 million a year earlier" is the third quarter of the year before. An expression
        // resolved against it does not depend on the time carried from the sentences before.
        var latest = reference;
        var fromThisSentence = false;
        while (i < tokens.Count)
        {
            if (MatchInCalendar(tokens, words, i, anchor, tenseAt, latest, fromThisSentence) is { } found && found.End > i)
            {
                var span = new TextSpan(tokens[found.Start].Start, tokens[found.End - 1].End);
                var text = string.Join(' ', tokens.Skip(found.Start).Take(found.End - found.Start).Select(t => t.Text));
                var anaphoric = found.Anaphoric && !fromThisSentence;
                result.Add(new TimeExpression(found.Start, found.End, text, span, found.Value with { Text = null }, anaphoric, found.Kind, found.Period));
                if (found.Kind == TimeKind.Date && found.Value.Precision is not ("present" or "past" or "future" or "vague" or "clock"))
                {
                    latest = found.Value;
                    fromThisSentence = true;
                }

                i = found.End;
            }
            else
            {
                i++;
            }
        }

        // The text of a match is the source slice, set by the caller who has the document text.
        return result;
    }

    private static readonly FrozenSet<string> TimeWords = new[]
    {
        "recently", "yesterday", "today", "tonight", "tomorrow", "ago", "weekend", "spring", "summer", "autumn", "fall", "winter",
        "now", "currently", "nowadays", "present", "past", "future", "daily", "weekly", "monthly", "annually",
        "yearly", "hourly", "centuries", "morning", "afternoon", "evening", "night", "a.m", "p.m", "noon", "midday", "midnight",
        "nineteen", "thousand", "current", "thanksgiving", "christmas", "twenties", "thirties", "forties", "fifties", "sixties",
        "seventies", "eighties", "nineties",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether a word (lower case, without a final period) is one every expression needs at least one of: a month,
    /// a weekday, a season, a unit of time, "yesterday", "ago" and the like, "mid-...", or four digits (a year alone,
    /// as a decade or in an ISO date). Most sentences of news have none, and the matcher need not try each of their words.
    /// </summary>
    internal static bool MayNameTime(string word) =>
        Months.ContainsKey(word) || Weekdays.ContainsKey(word) || TimeWords.Contains(word)
        || word.TrimEnd('s') is "day" or "week" or "month" or "year" or "hour" or "minute" or "quarter" or "decade" or "century"
        || word.StartsWith("mid-", StringComparison.Ordinal)
        || (word.Length >= 4 && char.IsAsciiDigit(word[0]) && char.IsAsciiDigit(word[1]) && char.IsAsciiDigit(word[2]) && char.IsAsciiDigit(word[3]));

    private readonly record struct Found(int Start, int End, EventDate Value, bool Anaphoric, TimeKind Kind = TimeKind.Date, string? Period = null);

    /// <summary>
    /// <see cref="Match"/>, except that an expression whose date falls outside the calendar (years 1 to 9999:
    /// "20,000 years ago", or "last month" in a story dated in year 1) is not read as a date, rather than failing
    /// the whole story. The date arithmetic is spread over every kind of expression, so it is caught here once.
    /// </summary>
    private static Found? MatchInCalendar(IReadOnlyList<Token> tokens, string[] w, int i, DateOnly anchor, Func<int, Tense> tenseAt, EventDate? reference, bool referenceInSentence)
    {
        try
        {
            return Match(tokens, w, i, anchor, tenseAt, reference, referenceInSentence);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static Found? Match(IReadOnlyList<Token> tokens, string[] w, int i, DateOnly anchor, Func<int, Tense> tenseAt, EventDate? reference, bool referenceInSentence)
    {
        string At(int k) => k >= 0 && k < w.Length ? w[k] : string.Empty;
        var tense = new TenseOnDemand(tenseAt, i);

        // "compared with $33 million in the latest quarter ... compared with $40 million last year": after a quarter
        // in the same sentence, "last year" is that quarter of the year before.
        if (referenceInSentence && reference is { Precision: "quarter" } && At(i) == "last" && At(i + 1) == "year" && At(i + 2) != "'s")
        {
            return new Found(i, i + 2, QuarterOf(reference.Start.AddYears(-1)), false);
        }

        // Ranges: "between September and November", "from May to July 2015".
        if (At(i) is "between" or "from")
        {
            var first = Point(tokens, w, i + 1, anchor, tense, reference);
            var joiner = first is { } f ? At(f.End) : string.Empty;
            if (first is { } a && joiner is "and" or "to" or "until" or "through")
            {
                var second = Point(tokens, w, a.End + 1, anchor, tense, reference);
                if (second is { } b)
                {
                    var start = a.Value.Start;
                    var end = b.Value.End;

                    // "between November and February": the first month is in the year before.
                    if (end < start)
                    {
                        start = start.AddYears(-1);
                    }

                    return new Found(i, b.End, new EventDate(start, end, null, "range"), a.Anaphoric || b.Anaphoric);
                }
            }
        }

        // Vague spans: "in recent months", "over the past two weeks", "recently".
        if (At(i) == "recently")
        {
            return new Found(i, i + 1, new EventDate(anchor.AddMonths(-3), anchor, null, "vague"), false);
        }

        // Spans back from the anchor: "the past two weeks", "the last five years", "recent months". They are durations
        // in TimeML and date what happened within them; a preposition before them is not part of them.
        if ((At(i) == "the" && At(i + 1) is "past" or "last") || At(i) == "recent")
        {
            var k = At(i) == "recent" ? i + 1 : i + 2;
            var vague = At(i) == "recent";
            int? count = null;
            if (!vague && At(k) is "few" or "several")
            {
                vague = true;
                k++;
            }
            else if (!vague && (Numbers.TryGetValue(At(k), out var n) || int.TryParse(At(k), NumberStyles.None, CultureInfo.InvariantCulture, out n)))
            {
                count = n;
                k++;
            }

            var unit = At(k).TrimEnd('s');
            var afterPreposition = At(i - 1) is "in" or "over" or "during" or "for" or "within" or "throughout";
            if (unit is "day" or "week" or "month" or "year" or "decade" && At(k + 1) != "of" && (vague || count is not null || afterPreposition))
            {
                var length = count ?? (vague ? unit switch { "day" => 7, "week" => 6, "month" => 6, "decade" => 2, _ => 5 } : 1);
                var start = unit switch
                {
                    "day" => anchor.AddDays(-length),
                    "week" => anchor.AddDays(-7 * length),
                    "month" => anchor.AddMonths(-length),
                    "decade" => anchor.AddYears(-10 * length),
                    _ => anchor.AddYears(-length),
                };
                var period = unit == "decade" && !vague
                    ? "P" + (10 * length).ToString(CultureInfo.InvariantCulture) + "Y"
                    : "P" + (vague ? "X" : length.ToString(CultureInfo.InvariantCulture)) + UnitCode(unit);
                return new Found(i, k + 1, new EventDate(start, anchor, null, "vague"), false, TimeKind.Span, period);
            }

            if (At(i) == "the" && At(i + 1) == "past" && k == i + 2)
            {
                return new Found(i, i + 2, new EventDate(anchor.AddYears(-5), anchor, null, "past"), false);
            }
        }

        if (Anaphoric(tokens, w, i, anchor, reference) is { } relative)
        {
            return relative;
        }

        if (Quarter(w, i, anchor, tense, reference) is { } quarter)
        {
            return quarter;
        }

        // "two days ago", "three years ago".
        if ((Numbers.TryGetValue(At(i), out var agoCount) || int.TryParse(At(i), NumberStyles.None, CultureInfo.InvariantCulture, out agoCount)) && At(i + 2) == "ago")
        {
            var unit = At(i + 1).TrimEnd('s');
            EventDate? value = unit switch
            {
                "day" => Day(anchor.AddDays(-agoCount)),
                "week" => Week(anchor.AddDays(-7 * agoCount)),
                "month" => Month(anchor.AddMonths(-agoCount).Year, anchor.AddMonths(-agoCount).Month),
                "year" when reference is { Precision: "quarter" } => QuarterOf(reference.Start.AddYears(-agoCount)),
                "year" => Year(anchor.Year - agoCount),
                _ => null,
            };
            if (value is not null)
            {
                // In a report on a quarter, "a year ago" is that quarter a year before.
                return new Found(i, i + 3, value, unit == "year" && reference is not null);
            }
        }

        // "earlier this month", "later this year".
        if (At(i) is "earlier" or "later" && At(i + 1) is "this" && At(i + 2) is "week" or "month" or "year")
        {
            var whole = Relative(At(i + 2), 0, anchor);
            var value = At(i) == "earlier" ? whole with { End = anchor, Precision = "part-of-" + At(i + 2) } : whole with { Start = anchor, Precision = "part-of-" + At(i + 2) };
            return new Found(i, i + 3, value, false);
        }

        if (DurationOrSet(tokens, w, i, anchor) is { } lengthOrSet)
        {
            return lengthOrSet;
        }

        if (Reference(w, i, anchor) is { } vagueReference)
        {
            return vagueReference;
        }

        // A part of the day after a day makes it a time: "Friday morning", "yesterday afternoon"; "this morning", "last night".
        if (At(i) is "this" or "last" && PartOfDay(At(i + 1)) is { } partToday && (At(i) == "this" || At(i + 1) == "night"))
        {
            return new Found(i, i + 2, Day(At(i) == "last" ? anchor.AddDays(-1) : anchor), false, TimeKind.Time, partToday);
        }

        // "the weekend": the last one in the past tense, the next in the future.
        if (At(i) == "the" && At(i + 1) == "weekend")
        {
            return new Found(i, i + 2, Weekend(anchor, tense.Value == Tense.Future ? 1 : -1), false);
        }

        if (At(i) == "tonight")
        {
            return new Found(i, i + 1, Day(anchor), false, TimeKind.Time, "NI");
        }

        if (Clock(tokens, w, i, anchor, tense, reference) is { } clock)
        {
            return clock;
        }

        var point = Point(tokens, w, i, anchor, tense, reference);
        if (point is { Value.Precision: "day" } day && PartOfDay(At(day.End)) is { } part)
        {
            return day with { End = day.End + 1, Kind = TimeKind.Time, Period = part };
        }

        return point;
    }

    /// <summary>"nineteen ninety-six" (tokens "nineteen", "ninety", "-", "six"), "nineteen eighty", "two thousand".</summary>
    private static (int Year, int End)? SpelledYear(string[] w, int i)
    {
        string At(int k) => k >= 0 && k < w.Length ? w[k] : string.Empty;
        if (At(i) == "two" && At(i + 1) == "thousand")
        {
            return (2000, i + 2);
        }

        if (At(i) is not ("eighteen" or "nineteen") || !Numbers.TryGetValue(At(i + 1), out var tens) || tens is < 20 or > 90 || tens % 10 != 0)
        {
            return null;
        }

        var century = At(i) == "eighteen" ? 1800 : 1900;
        if (At(i + 2) == "-" && Numbers.TryGetValue(At(i + 3), out var units) && units is >= 1 and <= 9 && At(i + 3) is not ("a" or "an"))
        {
            return (century + tens + units, i + 4);
        }

        return (century + tens, i + 2);
    }

    /// <summary>
    /// A time on the clock: "10:35 a.m.", "6 a.m.", "10 p.m. Wednesday", "5 p.m. EST Nov. 9", "noon Thursday". With
    /// a day after it, the day it falls on; alone, a time of the anchor's day, which dates no event (the day it
    /// means is as likely the one before).
    /// </summary>
    private static Found? Clock(IReadOnlyList<Token> tokens, string[] w, int i, DateOnly anchor, TenseOnDemand tense, EventDate? reference)
    {
        string At(int k) => k >= 0 && k < w.Length ? w[k] : string.Empty;
        int hour;
        var minute = 0;
        var k = i;
        if (At(k) is "noon" or "midday" or "midnight")
        {
            hour = At(k) == "midnight" ? 24 : 12;
            k++;
        }
        else
        {
            var text = At(k);
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            var hourText = colon > 0 ? text[..colon] : text;
            if (!int.TryParse(hourText, NumberStyles.None, CultureInfo.InvariantCulture, out hour) || hour is < 1 or > 12
                || (colon > 0 && !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out minute)) || minute is < 0 or > 59)
            {
                return null;
            }

            k++;
            if (At(k) is not ("a.m" or "p.m" or "am" or "pm"))
            {
                return null;
            }

            if (At(k) is "p.m" or "pm" && hour < 12)
            {
                hour += 12;
            }
            else if (At(k) is "a.m" or "am" && hour == 12)
            {
                hour = 0;
            }

            k++;
        }

        var clock = hour == 24 ? "24" : string.Create(CultureInfo.InvariantCulture, $"{hour:D2}:{minute:D2}");
        if (At(k) is "est" or "edt" or "gmt" or "cst" or "cdt" or "pst" or "pdt" or "local")
        {
            k++;
        }

        var dayAt = At(k) == "," ? k + 1 : k;
        if (At(dayAt) is "yesterday" or "today" or "tomorrow" || Weekdays.ContainsKey(At(dayAt)) || Months.ContainsKey(At(dayAt)))
        {
            if (Point(tokens, w, dayAt, anchor, tense, reference) is { Value.Precision: "day" } day)
            {
                return new Found(i, day.End, day.Value, day.Anaphoric, TimeKind.Time, clock);
            }
        }

        if (At(i) is "noon" or "midday" or "midnight")
        {
            return null;
        }

        // Alone, the day last mentioned when it was a day ("Oct. 23 ... at 10 p.m."), else the anchor's.
        var onDay = reference is { Precision: "day" } ? reference.Start : anchor;
        return new Found(i, k, new EventDate(onDay, onDay, null, "clock"), false, TimeKind.Time, clock) with { Anaphoric = reference is not null };
    }

    private static string? PartOfDay(string word) => word switch
    {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => null,
    };

    /// <summary>The ISO 8601 letter of a unit of time (after "T" for hours and minutes).</summary>
    private static string UnitCode(string unit) => unit switch
    {
        "minute" => "M",
        "hour" => "H",
        "day" => "D",
        "week" => "W",
        "month" => "M",
        "quarter" => "Q",
        "decade" => "DE",
        "century" or "centurie" => "CE",
        _ => "Y",
    };

    /// <summary>
    /// "now", "currently" (the present), "the future", "the past": TimeML's vague references. They add
    /// nothing to an event's date beyond the publication date and date no event.
    /// </summary>
    private static Found? Reference(string[] w, int i, DateOnly anchor)
    {
        string At(int k) => k >= 0 && k < w.Length ? w[k] : string.Empty;
        return At(i) switch
        {
            "now" or "currently" or "nowadays" => new Found(i, i + 1, new EventDate(anchor, anchor, null, "present"), false),

            // "its current share", "current market conditions": the present, as TimeML reads it; "the current
            // quarter" and "the current year" are periods, "current account" is no time.
            "current" when At(i + 1).Length > 0 && char.IsAsciiLetterLower(At(i + 1)[0]) && At(i + 1) is not ("account" or "accounts" or "affairs" or "events" or "fiscal")
                && At(i + 1).TrimEnd('s') is not ("day" or "week" or "month" or "quarter" or "year" or "period" or "decade" or "century")
                => new Found(i, i + 1, new EventDate(anchor, anchor, null, "present"), false),
            "present" when At(i - 1) is "at" or "the" => new Found(i - (At(i - 1) == "the" ? 1 : 0), i + 1, new EventDate(anchor, anchor, null, "present"), false),
            "the" when At(i + 1) == "future" => new Found(i, i + 2, new EventDate(anchor, anchor.AddYears(5), null, "future"), false),
            "future" when At(i - 1) == "in" => new Found(i, i + 1, new EventDate(anchor, anchor.AddYears(5), null, "future"), false),
            _ => null,
        };
    }

    private static readonly FrozenDictionary<string, string> SetWords = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["daily"] = "P1D", ["weekly"] = "P1W", ["monthly"] = "P1M", ["annually"] = "P1Y", ["yearly"] = "P1Y", ["hourly"] = "PT1H",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Lengths of time ("three days", "the first nine months", "a two-year term", "for years") and recurrences
    /// ("daily", "every week", "each July", "twice a month"). Their value is the length, not a date.
    /// </summary>
    private static Found? DurationOrSet(IReadOnlyList<Token> tokens, string[] w, int i, DateOnly anchor)
    {
        string At(int k) => k >= 0 && k < w.Length ? w[k] : string.Empty;
        var dummy = Day(anchor);
        if (SetWords.TryGetValue(At(i), out var every))
        {
            return new Found(i, i + 1, dummy, false, TimeKind.Set, every);
        }

        if (At(i) is "every" or "each" or "per")
        {
            var unitWord = At(i + 1);
            if (unitWord is "minute" or "hour" or "day" or "week" or "month" or "quarter" or "year")
            {
                var time = unitWord is "minute" or "hour" ? "T" : string.Empty;
                return new Found(i, i + 2, dummy, false, TimeKind.Set, "P" + time + "1" + UnitCode(unitWord));
            }

            if (At(i) != "per" && Months.TryGetValue(unitWord, out var everyMonth) && char.IsUpper(tokens[i + 1].Text[0]))
            {
                return new Found(i, i + 2, dummy, false, TimeKind.Set, string.Create(CultureInfo.InvariantCulture, $"XXXX-{everyMonth:D2}"));
            }

            if (At(i) != "per" && Weekdays.TryGetValue(unitWord, out var everyDay) && char.IsUpper(tokens[i + 1].Text[0]))
            {
                return new Found(i, i + 2, dummy, false, TimeKind.Set, "XXXX-WXX-" + (((int)everyDay + 6) % 7 + 1).ToString(CultureInfo.InvariantCulture));
            }

            return null;
        }

        var k = i;
        var definite = At(k) == "the";
        if (definite)
        {
            k++;
        }

        if (At(k) is "first" or "next" or "coming" or "last" or "past" && definite)
        {
            k++;
        }

        string count;
        if (!definite && At(k) is "a" or "an" && At(k + 1) is not ("few" or "couple"))
        {
            count = "1";
            k++;
        }
        else if (At(k) is "few" or "several" or "many" || (At(k) == "a" && At(k + 1) == "few"))
        {
            count = "X";
            k += At(k) == "a" ? 2 : 1;
        }
        else if (Numbers.TryGetValue(At(k), out var n) && At(k) is not ("a" or "an" or "couple") || int.TryParse(At(k), NumberStyles.None, CultureInfo.InvariantCulture, out n))
        {
            count = n.ToString(CultureInfo.InvariantCulture);
            k++;
        }
        else if (!definite && k == i && At(i - 1) is "for" or "in" or "within" or "over" && At(i).EndsWith('s'))
        {
            // "for years", "in decades".
            count = "X";
        }
        else
        {
            return null;
        }

        if (At(k) == "-" && k > i)
        {
            k++;
        }

        // "two more weeks", "an additional year", "eight trading days", "three straight years".
        if (At(k) is "more" or "additional" or "further" or "trading" or "straight" or "consecutive" or "full" && k > i
            && At(k + 1).TrimEnd('s') is "minute" or "hour" or "day" or "week" or "month" or "quarter" or "year" or "decade")
        {
            k++;
        }

        var unit = At(k) is "centuries" ? "century" : At(k).TrimEnd('s');
        if (unit is not ("minute" or "hour" or "day" or "week" or "month" or "quarter" or "year" or "decade" or "century")
            || (At(k + 1) == "-" && At(k + 2) is "old" or "earlier" or "ago") || At(k + 1) is "ago" or "earlier" or "later")
        {
            return null;
        }

        // TimeML counts decades in years ("two decades" is P20Y).
        var code = unit == "decade" && count != "X"
            ? "P" + (10 * int.Parse(count, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture) + "Y"
            : (unit is "minute" or "hour" ? "PT" : "P") + count + UnitCode(unit);

        // "twice a week", "three times a year": a recurrence.
        if (count == "1" && At(i) is "a" or "an" && At(i - 1) is "once" or "twice" or "times")
        {
            return new Found(i, k + 1, dummy, false, TimeKind.Set, code);
        }

        // "$500 million a year", "700 seats a week": a rate, no time of its own; "a quarter of the shares",
        // "three-quarters of the vote": a fraction.
        var before = At(i - 1);
        if ((count == "1" && At(i) is "a" or "an" && before.Length > 0
                && (char.IsAsciiDigit(before[0]) || before is "million" or "billion" or "trillion" or "cents" or "%" || (before.EndsWith('s') && before.Length > 3)))
            || (unit == "quarter" && ((count == "1" && At(k + 1) is "of" or "point" or "percentage") || (At(k) == "quarters" && At(k - 1) == "-" && At(k + 1) == "of"))))
        {
            return null;
        }

        return new Found(i, k + 1, dummy, false, TimeKind.Duration, code);
    }

    /// <summary>
    /// Times counted from the last time mentioned: "a year earlier", "two days later", "the year-earlier quarter"
    /// (without one, from the anchor). A year before a quarter is that quarter a year before.
    /// </summary>
    private static Found? Anaphoric(IReadOnlyList<Token> tokens, string[] w, int i, DateOnly anchor, EventDate? reference)
    {
        string At(int k) => k >= 0 && k < w.Length ? w[k] : string.Empty;
        _ = tokens;

        // "year-earlier", "the year-ago period".
        var k = At(i) == "the" ? i + 1 : i;
        if (At(k) == "year" && At(k + 1) == "-" && At(k + 2) is "earlier" or "ago")
        {
            var end = k + 3;
            var follows = At(end) is "quarter" or "period";
            if (k > i && !follows)
            {
                return null;
            }

            // A year before the quarter last mentioned; else the year before the anchor's (the last time mentioned
            // is too often not the one compared with).
            // Before "quarter" without one mentioned, the quarter a year before the last one ended.
            var lastEnded = QuarterOf(QuarterOf(anchor).Start.AddMonths(-3));
            var value = reference is { Precision: "quarter" } ? QuarterOf(reference.Start.AddYears(-1))
                : At(end) == "quarter" ? QuarterOf(lastEnded.Start.AddYears(-1))
                : Year(anchor.Year - 1);
            return new Found(i, follows ? end + 1 : end, value, reference is not null);
        }

        if ((Numbers.TryGetValue(At(i), out var count) || int.TryParse(At(i), NumberStyles.None, CultureInfo.InvariantCulture, out count))
            && At(i + 2) is "earlier" or "later" && At(i) is not ("few" or "several" or "couple"))
        {
            var unit = At(i + 1).TrimEnd('s');
            var shift = At(i + 2) == "earlier" ? -count : count;
            var basis = reference ?? Day(anchor);
            EventDate? value = unit switch
            {
                "day" => Day(basis.Start.AddDays(shift)),
                "week" => Week(basis.Start.AddDays(7 * shift)),
                "month" => Month(basis.Start.AddMonths(shift).Year, basis.Start.AddMonths(shift).Month),
                "year" when basis.Precision == "quarter" => QuarterOf(basis.Start.AddYears(shift)),
                "year" => Year(anchor.Year + shift),
                _ => null,
            };
            return value is null ? null : new Found(i, i + 3, value, reference is not null);
        }

        return null;
    }

    private static readonly FrozenDictionary<string, int> QuarterOrdinals = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["1st"] = 1, ["2nd"] = 2, ["3rd"] = 3, ["4th"] = 4,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Quarters of a year: "the third quarter", "third-quarter", "the fiscal first quarter", "the third quarter of
    /// 1990", "the 1988 third quarter", "next year's first quarter", "the latest quarter", "the current quarter", and
    /// "the quarter" (the quarter last mentioned, else the last one ended).
    /// </summary>
    private static Found? Quarter(string[] w, int i, DateOnly anchor, TenseOnDemand tense, EventDate? reference)
    {
        string At(int k) => k >= 0 && k < w.Length ? w[k] : string.Empty;
        var k = i;
        int? year = null;
        var determiner = false;
        if (At(k) is "this" or "next" or "last" && At(k + 1) == "year" && At(k + 2) == "'s")
        {
            year = anchor.Year + At(k) switch { "next" => 1, "last" => -1, _ => 0 };
            k += 3;
            determiner = true;
        }
        else if (At(k) is "the" or "its" or "their")
        {
            k++;
            determiner = true;
        }

        if (year is null && IsYear(At(k), out var before))
        {
            year = before;
            k++;
        }

        if (At(k) == "fiscal")
        {
            k++;
        }

        int? ordinal = null;
        string? which = null;
        if (QuarterOrdinals.TryGetValue(At(k), out var q))
        {
            ordinal = q;
            k++;
            if (At(k) == "-")
            {
                k++;
            }
        }
        else if (At(k) is "latest" or "current" or "previous" or "same")
        {
            which = At(k);
            k++;
        }

        // "the 1988 period" in a report on a quarter: that quarter of 1988.
        var period = At(k) == "period" && year is not null && ordinal is null && which is null && determiner && reference is { Precision: "quarter" };
        if ((At(k) != "quarter" && !period) || (ordinal is null && !determiner))
        {
            return null;
        }

        var end = k + 1;
        if (At(end) == "of" && IsYear(At(end + 1), out var after))
        {
            year = after;
            end += 2;
        }
        else if (At(end) == "of" && ordinal is null)
        {
            // "the quarter of a century".
            return null;
        }

        var current = QuarterOf(anchor);
        var lastEnded = QuarterOf(current.Start.AddMonths(-3));
        if (ordinal is { } number)
        {
            var resolvedYear = year ?? anchor.Year;
            var start = new DateOnly(resolvedYear, 3 * number - 2, 1);
            if (year is null && start > anchor && tense.Value != Tense.Future)
            {
                start = start.AddYears(-1);
            }

            return new Found(i, end, QuarterOf(start), false);
        }

        var value = which switch
        {
            "current" => current,
            "latest" => lastEnded,
            "previous" when reference is { Precision: "quarter" } => QuarterOf(reference.Start.AddMonths(-3)),
            "previous" => lastEnded,

            // The quarter last mentioned, unless that was a year or more before the last one ended: "the year-ago
            // quarter" is what the report compares with, not what it is about.
            _ => reference is { Precision: "quarter" } && reference.Start > lastEnded.Start.AddYears(-1) ? reference : lastEnded,
        };

        // "the 1988 quarter": the quarter meant, in that year.
        if (year is { } inYear && ordinal is null)
        {
            value = QuarterOf(new DateOnly(inYear, value.Start.Month, 1));
        }

        // "the quarter a year ago".
        if (At(end) == "a" && At(end + 1) == "year" && At(end + 2) is "ago" or "earlier")
        {
            value = QuarterOf(value.Start.AddYears(-1));
            end += 3;
        }

        return new Found(i, end, value, which is null or "previous" or "same" && reference is not null);
    }

    private static EventDate QuarterOf(DateOnly date)
    {
        var start = new DateOnly(date.Year, (date.Month - 1) / 3 * 3 + 1, 1);
        return new EventDate(start, start.AddMonths(3).AddDays(-1), null, "quarter");
    }

    /// <summary>One point or period of time starting at token <paramref name="i"/>.</summary>
    private static Found? Point(IReadOnlyList<Token> tokens, string[] w, int i, DateOnly anchor, TenseOnDemand tense, EventDate? reference)
    {
        string At(int k) => k >= 0 && k < w.Length ? w[k] : string.Empty;

        // Anaphora: "that month", "the same day", "the following week", "the previous year".
        if (reference is { } r)
        {
            var k = i + (At(i) == "the" ? 1 : 0);
            // "next month" without "the" is deictic, not anaphoric: handled below.
            var anaphoric = At(k) is "that" or "same" or "following" or "previous" or "preceding" || (At(k) == "next" && At(i) == "the");
            if (anaphoric && At(k + 1) is "day" or "week" or "month" or "year")
            {
                var shift = At(k) switch { "following" or "next" => 1, "previous" or "preceding" => -1, _ => 0 };
                var value = At(k + 1) switch
                {
                    "day" => Day(r.Start.AddDays(shift)),
                    "week" => Week(r.Start.AddDays(7 * shift)),
                    "month" => Month(r.Start.AddMonths(shift).Year, r.Start.AddMonths(shift).Month),
                    _ => Year(r.Start.Year + shift),
                };
                return new Found(i, k + 2, value, true);
            }
        }

        // Deictic: "yesterday", "today", "tomorrow", "last week", "next month", "this year".
        switch (At(i))
        {
            case "yesterday":
                return new Found(i, i + 1, Day(anchor.AddDays(-1)), false);
            case "today" or "tonight":
                return new Found(i, i + 1, Day(anchor), false);
            case "tomorrow":
                return new Found(i, i + 1, Day(anchor.AddDays(1)), false);
        }

        // "the year", "the full year", "the fiscal year": the anchor's year ("sales for the full year"); followed by
        // "ended" or "ending" a year's length ("the year ended Sept. 30"). Not "of the year" ("person of the year").
        if (At(i) == "the" && At(i - 1) != "of")
        {
            var yearAt = At(i + 1) is "full" or "fiscal" ? i + 2 : i + 1;
            if (At(yearAt) == "year" && At(yearAt + 1) is not ("-" or "'s" or "before" or "after" or "earlier" or "later" or "ago" or "two" or "of"))
            {
                return At(yearAt + 1) is "ended" or "ending"
                    ? new Found(i, yearAt + 1, Day(anchor), false, TimeKind.Duration, "P1Y")
                    : new Found(i, yearAt + 1, Year(anchor.Year), false);
            }
        }

        // "the current year", "the current fiscal year".
        if (At(i) == "the" && At(i + 1) == "current" && (At(i + 2) == "year" || (At(i + 2) == "fiscal" && At(i + 3) == "year")))
        {
            return new Found(i, At(i + 2) == "year" ? i + 3 : i + 4, Year(anchor.Year), false);
        }

        // Holidays of a fixed day: "Christmas", "Thanksgiving Day", "New Year's Day", "last Thanksgiving".
        var holidayAt = At(i) is "last" or "next" or "this" ? i + 1 : i;
        if (Holiday(tokens, w, holidayAt) is { } holiday)
        {
            var year = At(i) switch
            {
                "last" => holiday.DayIn(anchor.Year) < anchor ? anchor.Year : anchor.Year - 1,
                "next" => holiday.DayIn(anchor.Year) > anchor ? anchor.Year : anchor.Year + 1,
                "this" => anchor.Year,
                _ => YearFor(holiday.DayIn(anchor.Year).Month, holiday.DayIn(anchor.Year).Day, anchor, tense),
            };
            return new Found(i, holiday.End, Day(holiday.DayIn(year)), false);
        }

        if (At(i) is "last" or "next" or "this" or "past" or "coming")
        {
            var shift = At(i) switch { "last" or "past" => -1, "next" or "coming" => 1, _ => 0 };
            var unit = At(i + 1);
            if (unit is "week" or "month" or "year" or "weekend")
            {
                return new Found(i, i + 2, Relative(unit, shift, anchor), false);
            }

            if (Months.TryGetValue(unit, out var month) && IsMonthName(tokens[i + 1], unit))
            {
                var year = shift switch
                {
                    < 0 => month < anchor.Month ? anchor.Year : anchor.Year - 1,
                    > 0 => month > anchor.Month ? anchor.Year : anchor.Year + 1,
                    _ => anchor.Year,
                };
                return new Found(i, i + 2, Month(year, month), false);
            }

            if (Weekdays.TryGetValue(unit, out var weekday))
            {
                var day = shift < 0 ? PreviousWeekday(anchor, weekday, strict: true) : shift > 0 ? NextWeekday(anchor, weekday) : NearestWeekday(anchor, weekday, tense);
                return new Found(i, i + 2, Day(day), false);
            }

            if (Season(unit) is { } season)
            {
                var year = shift switch { < 0 => anchor.Year - (season.First <= anchor.Month ? 0 : 1), > 0 => anchor.Year + (season.First > anchor.Month ? 0 : 1), _ => anchor.Year };
                if (shift < 0 && season.First <= anchor.Month && anchor.Month <= season.First + 2)
                {
                    year--;
                }

                return new Found(i, i + 2, SeasonOf(year, season.First), false);
            }
        }

        // "mid-September", "mid-2011" are one token.
        if (At(i).StartsWith("mid-", StringComparison.Ordinal))
        {
            var rest = At(i)[4..];
            if (Months.TryGetValue(rest, out var midMonth))
            {
                return new Found(i, i + 1, Part(Month(YearFor(midMonth, null, anchor, tense), midMonth), "mid"), false);
            }

            if (IsYear(rest, out var midYear))
            {
                return new Found(i, i + 1, Part(Year(midYear), "mid"), false);
            }

            // "the mid-1990s": TimeML gives the decade.
            if (rest.Length == 5 && rest.EndsWith('s') && IsYear(rest[..4], out var midDecade) && midDecade % 10 == 0)
            {
                return new Found(i, i + 1, Decade(midDecade), false);
            }
        }

        // Parts: "early September", "late 2011", "the start of November", "the end of the year".
        var part = PartAt(w, i, out var afterPart);
        if (part is not null)
        {
            if (Point(tokens, w, afterPart, anchor, tense, reference) is { } whole && whole.Value.Precision is "month" or "year")
            {
                return new Found(i, whole.End, Part(whole.Value, part), whole.Anaphoric);
            }

            if (At(afterPart) == "the" && At(afterPart + 1) is "year" or "month")
            {
                var period = Relative(At(afterPart + 1), 0, anchor);
                return new Found(i, afterPart + 2, Part(period, part), false);
            }
        }

        // "Nov. 3", "November 3, 2016", "3 November 2016", "May 2014", "September".
        if (Months.TryGetValue(At(i), out var m) && IsMonthName(tokens[i], At(i)))
        {
            var dayText = At(i + 1).TrimEnd('s', 't', 'h', 'n', 'd', 'r');
            if (int.TryParse(dayText, NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day is >= 1 and <= 31 && At(i + 1).Length <= 4)
            {
                var end = i + 2;
                int? year = null;
                if (At(end) == ",")
                {
                    end++;
                }

                if (IsYear(At(end), out var y))
                {
                    year = y;
                    end++;
                }
                else if (At(end - 1) == ",")
                {
                    end--;
                }

                var resolvedYear = year ?? YearFor(m, day, anchor, tense);
                if (day <= DateTime.DaysInMonth(resolvedYear, m))
                {
                    return new Found(i, end, Day(new DateOnly(resolvedYear, m, day)), false);
                }
            }

            if (IsYear(At(i + 1), out var monthYear))
            {
                return new Found(i, i + 2, Month(monthYear, m), false);
            }

            if (SpelledYear(w, i + 1) is { } spelledYear)
            {
                return new Found(i, spelledYear.End, Month(spelledYear.Year, m), false);
            }

            // A month alone: "May" only after a word of time ("in May"), an abbreviation only with its period
            // ("Jan Kavan" is a name).
            var abbreviated = At(i).Length <= 4 && At(i) is not ("may" or "june" or "july") && !tokens[i].Text.EndsWith('.');
            if (!abbreviated && (At(i) != "may" || TimePrepositions.Contains(At(i - 1)) || At(i - 1) is "early" or "mid" or "late"))
            {
                var year = YearFor(m, null, anchor, tense);
                return new Found(i, i + 1, Month(year, m), false);
            }
        }

        if (int.TryParse(At(i).TrimEnd('s', 't', 'h', 'n', 'd', 'r'), NumberStyles.None, CultureInfo.InvariantCulture, out var dayFirst) && dayFirst is >= 1 and <= 31
            && At(i).Length <= 4 && Months.TryGetValue(At(i + 1), out var monthAfter))
        {
            var end = i + 2;
            int? year = null;
            if (IsYear(At(end), out var y))
            {
                year = y;
                end++;
            }

            var resolvedYear = year ?? YearFor(monthAfter, dayFirst, anchor, tense);
            if (dayFirst <= DateTime.DaysInMonth(resolvedYear, monthAfter))
            {
                return new Found(i, end, Day(new DateOnly(resolvedYear, monthAfter, dayFirst)), false);
            }
        }

        // Weekdays: "Monday", "on Tuesday"; "Sun" only as "Sun." (else a name: the Sun newspaper, Sun Microsystems).
        if (Weekdays.TryGetValue(At(i), out var weekdayName) && char.IsUpper(tokens[i].Text[0]) && (At(i) != "sun" || tokens[i].Text.EndsWith('.')))
        {
            // "Friday, Oct. 23": the date says which Friday.
            var next = At(i + 1) == "," ? i + 2 : i + 1;
            if (Months.ContainsKey(At(next)) && Point(tokens, w, next, anchor, tense, reference) is { Value.Precision: "day" } dated)
            {
                return dated with { Start = i };
            }

            return new Found(i, i + 1, Day(NearestWeekday(anchor, weekdayName, tense)), false);
        }

        // Seasons with a year: "summer 2015", "the spring of 2014".
        if (Season(At(i)) is { } s && (IsYear(At(i + 1), out var seasonYear) || (At(i + 1) == "of" && IsYear(At(i + 2), out seasonYear))))
        {
            return new Found(i, i + (At(i + 1) == "of" ? 3 : 2), SeasonOf(seasonYear, s.First), false);
        }

        // Seasons alone after "the", a preposition or a part ("in the summer", "into the summer", "the early
        // summer"), placed as a month is; "fall" only after "the" (else the verb).
        if (Season(At(i)) is { } alone && At(i + 1) != "of"
            && (At(i - 1) is "the" or "early" or "late" || (At(i) != "fall" && At(i - 1) is "in" or "during" or "until" or "since")))
        {
            return new Found(i, i + 1, SeasonOf(YearFor(alone.First, null, anchor, tense), alone.First), false);
        }

        // Decades in words: "the nineties", "the eighties" (of the anchor's century, or the one before when still to come).
        if (At(i - 1) == "the" && DecadeWords.TryGetValue(At(i), out var tens))
        {
            var start = anchor.Year / 100 * 100 + tens;
            return new Found(i, i + 1, Decade(start > anchor.Year ? start - 100 : start), false);
        }

        // Decades: "the 1970s".
        if (At(i).Length == 5 && At(i).EndsWith('s') && IsYear(At(i)[..4], out var decade) && decade % 10 == 0)
        {
            return new Found(i, i + 1, Decade(decade), false);
        }

        // ISO dates: "2016-11-28".
        if (At(i).Length == 10 && DateOnly.TryParseExact(At(i), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return new Found(i, i + 1, Day(iso), false);
        }

        // Years after a preposition or a determiner: "in 2004", "since 1998", "the 2004 summit", "its 1990 invasion",
        // "fiscal 1989".
        if (IsYear(At(i), out var bare) && (TimePrepositions.Contains(At(i - 1)) || At(i + 1) is "," or "."
            || At(i - 1) is "the" or "early" or "mid" or "late" or "a" or "its" or "his" or "her" or "their" or "our" or "fiscal" or "due" or "that" or "this"))
        {
            return new Found(i, i + 1, Year(bare), false);
        }

        // Years spelled out, as transcripts of speech have them: "nineteen ninety-six", "the year two thousand".
        if (SpelledYear(w, i) is { } spelled)
        {
            var from = At(i - 2) == "the" && At(i - 1) == "year" ? i - 2 : i;
            return new Found(from, spelled.End, Year(spelled.Year), false);
        }

        return null;
    }

    /// <summary>
    /// Holidays that fall on a day a rule gives: Christmas (Eve), New Year's Day (Eve), and Thanksgiving (the fourth
    /// Thursday of November, as in the United States). Capitalised only; "Day" after one is part of it.
    /// </summary>
    private static (Func<int, DateOnly> DayIn, int End)? Holiday(IReadOnlyList<Token> tokens, string[] w, int i)
    {
        string At(int k) => k >= 0 && k < w.Length ? w[k] : string.Empty;
        if (i >= tokens.Count || !char.IsUpper(tokens[i].Text[0]))
        {
            return null;
        }

        var eve = At(i + 1) == "eve";
        switch (At(i))
        {
            case "christmas":
                return (year => new DateOnly(year, 12, eve ? 24 : 25), i + (eve || At(i + 1) == "day" ? 2 : 1));
            case "thanksgiving":
                return (year => new DateOnly(year, 11, 1).AddDays((((int)DayOfWeek.Thursday - (int)new DateOnly(year, 11, 1).DayOfWeek + 7) % 7) + 21),
                    i + (At(i + 1) == "day" ? 2 : 1));
            case "new" when At(i + 1) == "year" && At(i + 2) == "'s" && At(i + 3) is "day" or "eve":
                return (year => At(i + 3) == "eve" ? new DateOnly(year, 12, 31) : new DateOnly(year, 1, 1), i + 4);
            default:
                return null;
        }
    }

    /// <summary>
    /// Whether a token that spells a month names one: "may" and "march" are also verbs, and name a month only
    /// capitalised ("May", "MARCH").
    /// </summary>
    private static bool IsMonthName(Token token, string word) => word is not ("may" or "march") || char.IsUpper(token.Text[0]);

    private static string? PartAt(string[] w, int i, out int after)
    {
        string At(int k) => k < w.Length ? w[k] : string.Empty;
        after = i;
        switch (At(i))
        {
            case "early" or "mid" or "late":
                after = At(i + 1) == "-" ? i + 2 : i + 1;
                return At(i);
        }

        var k = At(i) == "the" ? i + 1 : i;
        if (At(k + 1) == "of")
        {
            var part = At(k) switch
            {
                "start" or "beginning" or "outset" => "early",
                "middle" => "mid",
                "end" or "close" => "late",
                _ => null,
            };
            if (part is not null)
            {
                after = k + 2;
                return part;
            }
        }

        if (At(k) is "first" or "second" && At(k + 1) == "half" && At(k + 2) == "of")
        {
            after = k + 3;
            return At(k) + " half";
        }

        return null;
    }

    private static EventDate Part(EventDate whole, string part)
    {
        if (whole.Precision == "month")
        {
            var year = whole.Start.Year;
            var month = whole.Start.Month;
            var days = DateTime.DaysInMonth(year, month);
            var (from, to) = part switch
            {
                "early" => (1, 10),
                "mid" => (11, 20),
                "late" => (21, days),
                "first half" => (1, 15),
                _ => (16, days),
            };
            return new EventDate(new DateOnly(year, month, from), new DateOnly(year, month, to), null, "part-of-month");
        }

        var y = whole.Start.Year;
        var (first, last) = part switch
        {
            "early" => (1, 4),
            "mid" => (5, 8),
            "late" => (9, 12),
            "first half" => (1, 6),
            _ => (7, 12),
        };
        return new EventDate(new DateOnly(y, first, 1), new DateOnly(y, last, DateTime.DaysInMonth(y, last)), null, "part-of-year");
    }

    private static EventDate Relative(string unit, int shift, DateOnly anchor) => unit switch
    {
        "week" => Week(anchor.AddDays(7 * shift)),
        "weekend" => Weekend(anchor, shift),
        "month" => Month(anchor.AddMonths(shift).Year, anchor.AddMonths(shift).Month),
        _ => Year(anchor.Year + shift),
    };

    private static EventDate Weekend(DateOnly anchor, int shift)
    {
        var saturday = shift switch
        {
            < 0 => PreviousWeekday(anchor, DayOfWeek.Saturday, strict: true),
            > 0 => NextWeekday(anchor, DayOfWeek.Saturday),
            _ => anchor.DayOfWeek == DayOfWeek.Sunday ? anchor.AddDays(-1) : NextWeekday(anchor.AddDays(-1), DayOfWeek.Saturday),
        };
        return new EventDate(saturday, saturday.AddDays(1), null, "week");
    }

    /// <summary>
    /// The year of a month (and day) given without one: the year that puts it nearest the anchor (in the present
    /// tense too: "the offer expires Dec. 7"), except that in the past tense one more than about a month ahead is
    /// taken as the one before ("talks were held in March",
    /// written in November), and in the future tense one already gone is taken as the next. A date a few weeks
    /// ahead in a past-tense sentence is usually a plan reported ("voted to strike on March 24", written 14 March).
    /// </summary>
    private static int YearFor(int month, int? day, DateOnly anchor, TenseOnDemand tense)
    {
        int Distance(int year)
        {
            var first = new DateOnly(year, month, Math.Min(day ?? 1, DateTime.DaysInMonth(year, month)));
            var last = day is null ? first.AddMonths(1).AddDays(-1) : first;
            return anchor < first ? first.DayNumber - anchor.DayNumber : anchor > last ? last.DayNumber - anchor.DayNumber : 0;
        }

        var nearest = anchor.Year;
        foreach (var year in new[] { anchor.Year - 1, anchor.Year + 1 })
        {
            if (Math.Abs(Distance(year)) < Math.Abs(Distance(nearest)))
            {
                nearest = year;
            }
        }

        var ahead = Distance(nearest);
        if (ahead > 31 && tense.Value == Tense.Past)
        {
            return nearest - 1;
        }

        // A day already gone, or a month already ended, is next year's in the future tense.
        return ahead < 0 && tense.Value == Tense.Future ? nearest + 1 : nearest;
    }

    /// <summary>
    /// The day of a weekday named alone: the next one for the future tense, the last one (or the anchor's day) for
    /// the past; for the present tense ("Bush meets Gorbachev Tuesday") the nearest, the past one on a tie.
    /// </summary>
    private static DateOnly NearestWeekday(DateOnly anchor, DayOfWeek day, TenseOnDemand tense)
    {
        var previous = PreviousWeekday(anchor, day, strict: false);
        return tense.Value switch
        {
            Tense.Future => NextWeekday(anchor, day),
            Tense.Present when previous != anchor && NextWeekday(anchor, day).DayNumber - anchor.DayNumber < anchor.DayNumber - previous.DayNumber => NextWeekday(anchor, day),
            _ => previous,
        };
    }

    private static DateOnly PreviousWeekday(DateOnly anchor, DayOfWeek day, bool strict)
    {
        var back = ((int)anchor.DayOfWeek - (int)day + 7) % 7;
        if (back == 0 && strict)
        {
            back = 7;
        }

        return anchor.AddDays(-back);
    }

    private static DateOnly NextWeekday(DateOnly anchor, DayOfWeek day)
    {
        var ahead = ((int)day - (int)anchor.DayOfWeek + 7) % 7;
        return anchor.AddDays(ahead == 0 ? 7 : ahead);
    }

    private static (int First, string Name)? Season(string word) => word switch
    {
        "spring" => (3, word),
        "summer" => (6, word),
        "autumn" or "fall" => (9, word),
        "winter" => (12, word),
        _ => null,
    };

    private static EventDate SeasonOf(int year, int firstMonth)
    {
        var start = new DateOnly(year, firstMonth, 1);
        var end = start.AddMonths(3).AddDays(-1);
        return new EventDate(start, end, null, "season");
    }

    private static bool IsYear(string text, out int year) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && text.Length == 4 && year is >= 1800 and <= 2100;

    private static EventDate Day(DateOnly date) => new(date, date, null, "day");

    private static EventDate Decade(int first) => new(new DateOnly(first, 1, 1), new DateOnly(first + 9, 12, 31), null, "decade");

    private static readonly FrozenDictionary<string, int> DecadeWords = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["twenties"] = 20, ["thirties"] = 30, ["forties"] = 40, ["fifties"] = 50, ["sixties"] = 60, ["seventies"] = 70,
        ["eighties"] = 80, ["nineties"] = 90,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static EventDate Week(DateOnly inWeek)
    {
        var monday = inWeek.AddDays(-(((int)inWeek.DayOfWeek + 6) % 7));
        return new EventDate(monday, monday.AddDays(6), null, "week");
    }

    private static EventDate Month(int year, int month) =>
        new(new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)), null, "month");

    private static EventDate Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), null, "year");

    /// <summary>
    /// The tense at a token, asked for only when an expression needs it ("Monday", "in March"): finding it needs
    /// the sentence's parse, which coding skips for sentences that cannot yield an event.
    /// </summary>
    private sealed class TenseOnDemand(Func<int, Tense> tenseAt, int token)
    {
        private Tense? _value;

        public Tense Value => _value ??= tenseAt(token);
    }
}

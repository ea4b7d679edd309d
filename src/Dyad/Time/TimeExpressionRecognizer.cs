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
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["several"] = 3, ["few"] = 3, ["couple"] = 2,
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
        var words = tokens.Select(t => t.Text.ToLowerInvariant().TrimEnd('.')).ToArray();
        if (!everyPosition && !Array.Exists(words, MayNameTime))
        {
            return [];
        }

        var result = new List<TimeExpression>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (MatchInCalendar(tokens, words, i, anchor, tenseAt, reference) is { } found && found.End > i)
            {
                var span = new TextSpan(tokens[found.Start].Start, tokens[found.End - 1].End);
                var text = string.Join(' ', tokens.Skip(found.Start).Take(found.End - found.Start).Select(t => t.Text));
                result.Add(new TimeExpression(found.Start, found.End, text, span, found.Value with { Text = null }, found.Anaphoric));
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
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether a word (lower case, without a final period) is one every expression needs at least one of: a month,
    /// a weekday, a season, a unit of time, "yesterday", "ago" and the like, "mid-...", or four digits (a year alone,
    /// as a decade or in an ISO date). Most sentences of news have none, and the matcher need not try each of their words.
    /// </summary>
    internal static bool MayNameTime(string word) =>
        Months.ContainsKey(word) || Weekdays.ContainsKey(word) || TimeWords.Contains(word)
        || word.TrimEnd('s') is "day" or "week" or "month" or "year"
        || word.StartsWith("mid-", StringComparison.Ordinal)
        || (word.Length >= 4 && char.IsAsciiDigit(word[0]) && char.IsAsciiDigit(word[1]) && char.IsAsciiDigit(word[2]) && char.IsAsciiDigit(word[3]));

    private readonly record struct Found(int Start, int End, EventDate Value, bool Anaphoric);

    /// <summary>
    /// <see cref="Match"/>, except that an expression whose date falls outside the calendar (years 1 to 9999:
    /// "20,000 years ago", or "last month" in a story dated in year 1) is not read as a date, rather than failing
    /// the whole story. The date arithmetic is spread over every kind of expression, so it is caught here once.
    /// </summary>
    private static Found? MatchInCalendar(IReadOnlyList<Token> tokens, string[] w, int i, DateOnly anchor, Func<int, Tense> tenseAt, EventDate? reference)
    {
        try
        {
            return Match(tokens, w, i, anchor, tenseAt, reference);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static Found? Match(IReadOnlyList<Token> tokens, string[] w, int i, DateOnly anchor, Func<int, Tense> tenseAt, EventDate? reference)
    {
        string At(int k) => k < w.Length ? w[k] : string.Empty;
        var tense = new TenseOnDemand(tenseAt, i);

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

        if (At(i) is "in" or "over" or "during" && At(i + 1) is "recent" or "the")
        {
            var k = i + 1;
            if (At(k) == "the" && At(k + 1) is "past" or "last")
            {
                k += 2;
            }
            else if (At(k) == "recent")
            {
                k += 1;
            }
            else
            {
                k = -1;
            }

            if (k > 0)
            {
                var count = 1;
                var vague = At(k - 1) == "recent";
                if (Numbers.TryGetValue(At(k), out var n) || int.TryParse(At(k), NumberStyles.None, CultureInfo.InvariantCulture, out n))
                {
                    count = n;
                    k++;
                }
                else if (!vague)
                {
                    count = 1;
                }

                var unit = At(k).TrimEnd('s');
                if (unit is "day" or "week" or "month" or "year")
                {
                    if (vague)
                    {
                        count = unit switch { "day" => 7, "week" => 6, "month" => 6, _ => 5 };
                    }

                    var start = unit switch
                    {
                        "day" => anchor.AddDays(-count),
                        "week" => anchor.AddDays(-7 * count),
                        "month" => anchor.AddMonths(-count),
                        _ => anchor.AddYears(-count),
                    };
                    return new Found(i, k + 1, new EventDate(start, anchor, null, "vague"), false);
                }
            }
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
                "year" => Year(anchor.Year - agoCount),
                _ => null,
            };
            if (value is not null)
            {
                return new Found(i, i + 3, value, false);
            }
        }

        // "earlier this month", "later this year".
        if (At(i) is "earlier" or "later" && At(i + 1) is "this" && At(i + 2) is "week" or "month" or "year")
        {
            var whole = Relative(At(i + 2), 0, anchor);
            var value = At(i) == "earlier" ? whole with { End = anchor, Precision = "part-of-" + At(i + 2) } : whole with { Start = anchor, Precision = "part-of-" + At(i + 2) };
            return new Found(i, i + 3, value, false);
        }

        return Point(tokens, w, i, anchor, tense, reference);
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

        if (At(i) is "last" or "next" or "this" or "past" or "coming")
        {
            var shift = At(i) switch { "last" or "past" => -1, "next" or "coming" => 1, _ => 0 };
            var unit = At(i + 1);
            if (unit is "week" or "month" or "year" or "weekend")
            {
                return new Found(i, i + 2, Relative(unit, shift, anchor), false);
            }

            if (Months.TryGetValue(unit, out var month) && (tokens[i + 1].Text[0] is 'M' || unit != "may"))
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
        if (Months.TryGetValue(At(i), out var m) && (At(i) != "may" || tokens[i].Text.StartsWith('M')))
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

            if (At(i) != "may" || TimePrepositions.Contains(At(i - 1)) || At(i - 1) is "early" or "mid" or "late")
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

        // Weekdays: "Monday", "on Tuesday".
        if (Weekdays.TryGetValue(At(i), out var weekdayName) && char.IsUpper(tokens[i].Text[0]))
        {
            return new Found(i, i + 1, Day(NearestWeekday(anchor, weekdayName, tense)), false);
        }

        // Seasons with a year: "summer 2015", "the spring of 2014".
        if (Season(At(i)) is { } s && (IsYear(At(i + 1), out var seasonYear) || (At(i + 1) == "of" && IsYear(At(i + 2), out seasonYear))))
        {
            return new Found(i, i + (At(i + 1) == "of" ? 3 : 2), SeasonOf(seasonYear, s.First), false);
        }

        // Decades: "the 1970s".
        if (At(i).Length == 5 && At(i).EndsWith('s') && IsYear(At(i)[..4], out var decade) && decade % 10 == 0)
        {
            return new Found(i, i + 1, new EventDate(new DateOnly(decade, 1, 1), new DateOnly(decade + 9, 12, 31), null, "decade"), false);
        }

        // ISO dates: "2016-11-28".
        if (At(i).Length == 10 && DateOnly.TryParseExact(At(i), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return new Found(i, i + 1, Day(iso), false);
        }

        // Years after a preposition: "in 2004", "since 1998", "the 2004 summit".
        if (IsYear(At(i), out var bare) && (TimePrepositions.Contains(At(i - 1)) || At(i - 1) is "the" or "early" or "mid" or "late" || At(i + 1) is "," or "."))
        {
            return new Found(i, i + 1, Year(bare), false);
        }

        return null;
    }

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

    /// <summary>The year of a month (and day) given without one: the last such month for the past, the next for the future.</summary>
    private static int YearFor(int month, int? day, DateOnly anchor, TenseOnDemand tense)
    {
        var candidate = new DateOnly(anchor.Year, month, Math.Min(day ?? 1, DateTime.DaysInMonth(anchor.Year, month)));
        if (tense.Value == Tense.Future)
        {
            return candidate < new DateOnly(anchor.Year, anchor.Month, 1) || (day is not null && candidate < anchor) ? anchor.Year + 1 : anchor.Year;
        }

        return month > anchor.Month || (day is not null && month == anchor.Month && day > anchor.Day + 1) ? anchor.Year - 1 : anchor.Year;
    }

    private static DateOnly NearestWeekday(DateOnly anchor, DayOfWeek day, TenseOnDemand tense) =>
        tense.Value == Tense.Future ? NextWeekday(anchor, day) : PreviousWeekday(anchor, day, strict: false);

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

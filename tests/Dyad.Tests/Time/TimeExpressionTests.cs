using System.Globalization;
using Dyad.Segmentation;
using Dyad.Syntax;
using Dyad.Text;
using Dyad.Time;

namespace Dyad.Tests.Time;

/// <summary>
/// Temporal expressions and the intervals they resolve to, anchored on a publication date and the verb's tense
/// (time-cases.tsv, written for Dyad; the seed story's expressions among them). Anaphoric expressions resolve
/// against a previous mention on 2016-09-05.
/// </summary>
public sealed class TimeExpressionTests
{
    private static readonly EventDate Reference = new(new DateOnly(2016, 9, 5), new DateOnly(2016, 9, 5), "Sept. 5", "day");

    public static TheoryData<string, string, string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Time", "time-cases.tsv")))
        {
            if (line.Length > 0 && line[0] != '#')
            {
                var f = line.Split('\t');
                data.Add(f[0], f[1], f[2], f[3], f[4], f[5]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resolves_to_the_expected_interval(string text, string publication, string tense, string start, string end, string precision)
    {
        var tokens = Tokenizer.Default.Tokenize(text);
        var anchor = DateOnly.Parse(publication, CultureInfo.InvariantCulture);
        var verbTense = Enum.Parse<Tense>(tense, ignoreCase: true);

        var found = TimeExpressionRecognizer.Find(tokens, anchor, _ => verbTense, Reference);

        var expression = Assert.Single(found);
        Assert.Equal((start, end, precision), (Iso(expression.Value.Start), Iso(expression.Value.End), expression.Value.Precision));
    }

    [Theory]
    [InlineData("The minister may visit Seoul.")]
    [InlineData("It cost 2004 dollars.")]
    [InlineData("Officials said the talks would go on.")]
    [InlineData("The Sun reported the deal.")]
    [InlineData("The company pays a quarterly dividend.")]
    [InlineData("Thousands march in the capital.")]
    [InlineData("Jan Kavan met the ministers.")]
    [InlineData("The current account deficit widened.")]
    [InlineData("She was named player of the year.")]
    [InlineData("The cuts would save $500 million a year.")]
    [InlineData("The airline will add 700 seats a week.")]
    [InlineData("He won three-quarters of the vote.")]
    [InlineData("Funds hold more than a quarter of the bonds.")]
    [InlineData("Prices may fall sharply.")]
    public void Finds_no_time_where_there_is_none(string text)
    {
        var found = TimeExpressionRecognizer.Find(Tokenizer.Default.Tokenize(text), new DateOnly(2016, 11, 28), _ => Tense.Past, null);

        Assert.Empty(found);
    }

    [Theory]
    [InlineData("The party held its first congress in 36 years.", "36 years", "Duration", "P36Y", false)]
    [InlineData("The talks lasted three days.", "three days", "Duration", "P3D", false)]
    [InlineData("He served a two-year term.", "two - year", "Duration", "P2Y", false)]
    [InlineData("Profit rose in the first nine months.", "the first nine months", "Duration", "P9M", false)]
    [InlineData("The flight took five hours.", "five hours", "Duration", "PT5H", false)]
    [InlineData("The fighting has gone on for years.", "years", "Duration", "PXY", false)]
    [InlineData("The paper is published daily.", "daily", "Set", "P1D", false)]
    [InlineData("They meet twice a week.", "a week", "Set", "P1W", false)]
    [InlineData("The festival is held each July.", "each July", "Set", "XXXX-07", false)]
    [InlineData("Prices rose over the past two months.", "the past two months", "Span", "P2M", true)]
    [InlineData("Prices rose in recent years.", "recent years", "Span", "PXY", true)]
    [InlineData("The economy is now in recession.", "now", "Date", "PRESENT_REF", false)]
    [InlineData("Talks may resume in the future.", "the future", "Date", "FUTURE_REF", false)]
    [InlineData("The ministers met Friday morning.", "Friday morning", "Time", "2016-11-25TMO", true)]
    [InlineData("The strike began on Monday, a 30-year-old man said.", "Monday", "Date", "2016-11-28", true)]
    [InlineData("The talks lasted two decades.", "two decades", "Duration", "P20Y", false)]
    [InlineData("The blast came at 10:35 a.m.", "10:35 a.m.", "Time", "2016-11-28T10:35", false)]
    [InlineData("Earnings fell in the third quarter.", "the third quarter", "Date", "2016-Q3", true)]
    [InlineData("The ministers met earlier this week.", "earlier this week", "Date", "2016-W48", true)]
    [InlineData("The talks will go on for two more weeks.", "two more weeks", "Duration", "P2W", false)]
    [InlineData("He was given an additional year to pay.", "an additional year", "Duration", "P1Y", false)]
    [InlineData("Shares fell for eight trading days.", "eight trading days", "Duration", "P8D", false)]
    [InlineData("Its current share of the market is small.", "current", "Date", "PRESENT_REF", false)]
    [InlineData("Profit fell in the fiscal year ending then.", "the fiscal year", "Duration", "P1Y", false)]
    [InlineData("``Today is a sad day,'' she said.", "``Today", "Date", "2016-11-28", true)]
    public void Finds_lengths_recurrences_and_vague_times_with_their_TimeML_values(string text, string expression, string kind, string value, bool dates)
    {
        // TimeML values (TempEval-3); durations, sets, the vague present, past and future, and a clock time with no
        // day date no event.
        var anchor = new DateOnly(2016, 11, 28);

        var found = TimeExpressionRecognizer.Find(Tokenizer.Default.Tokenize(text), anchor, _ => Tense.Past, null);

        var single = Assert.Single(found);
        Assert.Equal((expression, kind, value), (single.Text, single.Kind.ToString(), TimexValue.Of(single, anchor)));
        Assert.Equal(dates, single.IsDate);
    }

    [Theory]
    [InlineData("Third-quarter net rose to $5 million from $4 million a year earlier.", "1988-Q3")]
    [InlineData("In the latest quarter, it lost $7 million, compared with earnings of $6 million last year.", "1988-Q3")]
    [InlineData("Profit in the fourth quarter fell from a year ago.", "1988-Q4")]
    [InlineData("Third-quarter profit fell from the 1988 period.", "1988-Q3")]
    [InlineData("Profit rose in the third quarter, against a loss in the year-ago quarter.", "1988-Q3")]
    [InlineData("In March 1987 the talks began, and later that year they broke down.", "1987")]
    public void Counts_a_later_time_from_the_one_named_earlier_in_the_sentence(string text, string value)
    {
        // Without a time carried from an earlier sentence, the second expression counts from the first: in an
        // earnings report "a year earlier" and "last year" after a quarter are that quarter of the year before.
        var anchor = new DateOnly(1989, 11, 2);

        var found = TimeExpressionRecognizer.Find(Tokenizer.Default.Tokenize(text), anchor, _ => Tense.Past, null);

        Assert.Equal(2, found.Count);
        Assert.Equal(value, TimexValue.Of(found[1], anchor));
        Assert.False(found[1].Anaphoric);
    }

    [Theory]
    [InlineData("Humans first settled the valley 20,000 years ago.", "2020-01-01")]
    [InlineData("The talks began last month.", "0001-01-15")]
    [InlineData("The talks will resume next year.", "9999-06-01")]
    public void Reads_no_date_outside_the_calendar(string text, string publication)
    {
        // Years 1 to 9999 are all a date can hold; before the guard these threw and failed the whole story.
        var anchor = DateOnly.Parse(publication, CultureInfo.InvariantCulture);

        var found = TimeExpressionRecognizer.Find(Tokenizer.Default.Tokenize(text), anchor, _ => Tense.Past, null);

        Assert.Empty(found);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_table_expression_has_a_word_that_may_name_a_time(string text, string publication, string tense, string start, string end, string precision)
    {
        _ = (publication, tense, start, end, precision);
        var words = Tokenizer.Default.Tokenize(text).Select(t => t.Text.ToLowerInvariant().TrimEnd('.'));

        Assert.Contains(words, TimeExpressionRecognizer.MayNameTime);
    }

    [SkippableFact]
    public void Sentences_without_a_word_that_may_name_a_time_have_no_time_when_every_word_is_tried()
    {
        // The matcher skips a sentence with no such word; tried at every word anyway, it must find nothing there.
        var path = SharedData.Require("data", "reuters21578", "reuters21578.jsonl");
        var lines = string.Join('\n', File.ReadLines(path).Take(1500));
        var skipped = 0;
        foreach (var input in new Dyad.Documents.DocumentReader().ReadJsonLines(new StringReader(lines), "reuters").Where(i => i.Document is not null))
        {
            foreach (var sentence in DocumentSegmenter.Default.Segment(input.Document!).Sentences)
            {
                if (sentence.Tokens.Any(t => TimeExpressionRecognizer.MayNameTime(t.Text.ToLowerInvariant().TrimEnd('.'))))
                {
                    continue;
                }

                skipped++;
                foreach (var tense in new[] { Tense.Past, Tense.Future })
                {
                    Assert.Empty(TimeExpressionRecognizer.Find(sentence.Tokens, new DateOnly(1987, 3, 1), _ => tense, Reference, everyPosition: true));
                }
            }
        }

        Assert.True(skipped > 1000, $"{skipped} sentences skipped");
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

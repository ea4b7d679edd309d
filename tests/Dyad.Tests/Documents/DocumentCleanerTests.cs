using Dyad.Documents;

namespace Dyad.Tests.Documents;

public sealed class DocumentCleanerTests
{
    private static DocumentLayout Clean(string text, string? title = null) =>
        DocumentCleaner.Default.Clean(new Document("d", text) { Title = title });

    [Theory]
    [InlineData("• Kyodo\n\nJapan said on Monday it would talk.", "Kyodo", true)]
    [InlineData("By Jane Smith\n\nJapan said on Monday it would talk.", "Jane Smith", false)]
    [InlineData("BY JANE SMITH AND JOHN DOE\n\nJapan said on Monday it would talk.", "JANE SMITH AND JOHN DOE", false)]
    [InlineData("(AP)\n\nJapan said on Monday it would talk.", "AP", true)]
    public void Recognises_a_byline_or_agency_line(string text, string name, bool isAgency)
    {
        var layout = Clean(text);

        Assert.NotNull(layout.Byline);
        Assert.Equal(name, layout.Byline.Name);
        Assert.Equal(isAgency, layout.Byline.IsAgency);
        Assert.Single(layout.Body);
    }

    [Theory]
    [InlineData("TOKYO (Reuters) - Japan said it would talk.", "TOKYO", null, "Reuters")]
    [InlineData("WASHINGTON, March 3 - The talks began.", "WASHINGTON", "March 3", null)]
    [InlineData("PARIS — The talks began.", "PARIS", null, null)]
    [InlineData("SALVADOR, Feb 26 - Showers continued.", "SALVADOR", "Feb 26", null)]
    [InlineData("Tokyo, Nov. 28 (Kyodo) -- Talks began.", "Tokyo", "Nov. 28", "Kyodo")]
    [InlineData("NEW YORK, N.Y. (AP) — Stocks fell.", "NEW YORK, N.Y.", null, "AP")]
    [InlineData("ADEN: Yemen's government reopened the port on Friday.", "ADEN", null, null)]
    [InlineData("Kabul, Mar 3 (PTI): Afghan officials on Monday welcomed the decision.", "Kabul", "Mar 3", "PTI")]
    public void Recognises_a_dateline_and_removes_it_from_the_body(string text, string place, string? date, string? agency)
    {
        var layout = Clean(text);

        Assert.NotNull(layout.Dateline);
        Assert.Equal(place, layout.Dateline.Place);
        Assert.Equal(date, layout.Dateline.DateText);
        Assert.Equal(agency, layout.Dateline.Agency);
        var body = layout.Body[0].Slice(text);
        Assert.DoesNotContain(place.Split(',')[0], body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Officials said - in private - that talks would go on.")]
    [InlineData("Japan and China - neighbours - met.")]
    [InlineData("BREAKING: Japan and China met.")]
    [InlineData("Officials said: talks would go on.")]
    public void Does_not_take_an_ordinary_sentence_for_a_dateline(string text)
    {
        Assert.Null(Clean(text).Dateline);
    }

    [Fact]
    public void Removes_a_trailing_pitch_that_addresses_the_reader()
    {
        const string text = "The ministers met on Monday.\n\nThey agreed to meet again.\n\n"
            + "Independent reporting matters to all of us, and it costs money.\nSubscribe today to support our work.";

        var layout = Clean(text);

        Assert.Equal(2, layout.Boilerplate.Count);
        Assert.Equal(2, layout.Body.Count);
        Assert.Equal("They agreed to meet again.", layout.Body[1].Slice(text));
    }

    [Theory]
    [InlineData("Sign up for our daily newsletter")]
    [InlineData("Read more: Talks stall again")]
    [InlineData("Copyright 2016 Example News. All rights reserved.")]
    [InlineData("© 2016 Example News")]
    [InlineData("Photo: John Doe")]
    [InlineData("Share this article")]
    [InlineData("Reporting by Jane Doe; Editing by John Roe")]
    [InlineData("Advertisement")]
    public void Removes_standalone_boilerplate_lines_anywhere(string line)
    {
        var text = $"The ministers met on Monday.\n\n{line}\n\nThey agreed to meet again.";

        var layout = Clean(text);

        Assert.Single(layout.Boilerplate);
        Assert.Equal(line, layout.Boilerplate[0].Text);
        Assert.Equal(2, layout.Body.Count);
    }

    [Fact]
    public void Keeps_news_that_mentions_a_cue_word_inside_a_paragraph()
    {
        const string text = "The court heard a copyright case brought by\nthe publishers against the ministry, officials said.";

        var layout = Clean(text);

        Assert.Empty(layout.Boilerplate);
        Assert.Equal(text, layout.Body[0].Slice(text));
    }

    [Fact]
    public void Drops_an_agency_sign_off_at_the_end()
    {
        const string text = "The fund said its dividend may fluctuate.\n Reuter";

        var layout = Clean(text);

        Assert.Equal("Reuter", Assert.Single(layout.Boilerplate).Text);
        Assert.Equal("The fund said its dividend may fluctuate.", layout.Body[0].Slice(text));
    }

    [Fact]
    public void Takes_a_short_first_line_standing_alone_as_the_headline()
    {
        const string text = "Japan and North Korea hold secret talks\n\nJapanese officials met North Korean officials.";

        var layout = Clean(text);

        Assert.Equal("Japan and North Korea hold secret talks", layout.Headline?.Text);
        Assert.Equal("Japanese officials met North Korean officials.", Assert.Single(layout.Body).Slice(text));
    }

    [Theory]
    [InlineData("The Calenardhon government condemned an attack by Osgiliath soldiers on Thursday")]
    [InlineData("Japan and North Korea hold secret talks\n\n")]
    public void A_story_of_one_line_without_a_full_stop_is_its_own_body_not_a_headline_over_nothing(string text)
    {
        var layout = Clean(text);

        Assert.Null(layout.Headline);
        Assert.Equal(text.TrimEnd(), Assert.Single(layout.Body).Slice(text).TrimEnd());
    }

    [Fact]
    public void A_title_from_the_input_is_the_headline()
    {
        var layout = Clean("Japanese officials met North Korean officials.", title: "Secret talks");

        Assert.Equal("Secret talks", layout.Headline?.Text);
        Assert.Null(layout.Headline?.Span);
    }
}

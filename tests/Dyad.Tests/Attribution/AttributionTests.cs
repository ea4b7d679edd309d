using Dyad.Attribution;
using Dyad.Coding;
using Dyad.Documents;

namespace Dyad.Tests.Attribution;

/// <summary>
/// On whose word coded events rest: each row of attribution-cases.tsv gives a sentence, the CAMEO code of an event it
/// must yield, and that event's status, source, denier and secrecy.
/// </summary>
public sealed class AttributionTests
{
    private static readonly Lazy<DocumentCoder> Coder = new(DocumentCoder.CreateDefault);

    public static TheoryData<string, string, string, string, string, string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, string, string, string, string, string, bool>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Attribution", "attribution-cases.tsv")))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split('\t');
            data.Add(f[0], f[1], f[2], f[3], f[4], f[5], f[6], bool.Parse(f[7]));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gives_the_expected_status_source_and_dispute(string id, string text, string date, string cameo, string status, string by, string disputedBy, bool secret)
    {
        var document = new Document(id, text) { Date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture) };

        var coded = Coder.Value.Code(document).Events;

        var e = Assert.Single(coded, e => e.Cameo.Code.Value == cameo);
        Assert.Equal(status, e.Attribution.Status);
        Assert.Equal(by == "-" ? null : by, e.Attribution.By?.Text);
        Assert.Equal(disputedBy == "-" ? [] : [disputedBy], e.Disputed.Select(d => d.By.Text).ToArray());
        Assert.Equal(secret, e.Secret);
    }

    [Fact]
    public void An_account_restated_and_answered_by_another_party_is_disputed_however_far_back_it_was_told()
    {
        // After a real wire story (2010): the army's recapture, told early, is restated five sentences later and
        // answered by the rebels ("but the rebels said they withdrew").
        var text = "Rebels attacked Birao in the Central African Republic last week, killing two soldiers. "
            + "\"After the clashes, the CAR military regained control of the town of Birao,\" CAR government spokesman Fidele Ngouandjika said in a statement. "
            + "He said six soldiers had died. The spokesman said the rebels had lost many fighters. The town was calm on Thursday, residents said. "
            + "CAR authorities said government troops later recaptured the town, but the rebels said they withdrew after fighting.";
        var coded = Coder.Value.Code(new Document("restated", text) { Date = new DateOnly(2010, 12, 3) }).Events;

        var regained = Assert.Single(coded, e => e.Sentence == 1 && e.Cameo.Code.Value == "192");
        Assert.Equal("Fidele Ngouandjika", regained.Attribution.By?.Text);
        Assert.Equal(["the rebels"], regained.Disputed.Select(d => d.By.Text).ToArray());
    }

    [Fact]
    public void A_verb_joined_to_a_bare_would_is_planned_too()
    {
        // The parser makes a clause of the second "would" and joins "seek" to it.
        var text = "The Japanese embassy said Japan would complain to the General Agreement on Tariffs and Trade, as it said it would, and seek new talks with Washington.";
        var coded = Coder.Value.Code(new Document("bare-would", text) { Date = new DateOnly(1987, 4, 1) }).Events;

        Assert.Equal(EventAttribution.Planned, Assert.Single(coded, e => e.Evidence.Trigger.StartsWith("seek", StringComparison.Ordinal)).Attribution.Status);
        Assert.Equal(EventAttribution.Planned, Assert.Single(coded, e => e.Evidence.Trigger == "complain").Attribution.Status);
    }

    [Fact]
    public void A_later_denial_of_an_act_disputes_the_reported_act_but_not_the_deniers_own_account()
    {
        var text = "The Russian defence ministry said Russian forces struck a weapons depot in Ukraine on Monday. "
            + "Ukraine said Russian forces attacked a shopping mall in Kremenchuk. Russia denied attacking the mall.";
        var coded = Coder.Value.Code(new Document("denied-gerund", text) { Date = new DateOnly(2023, 6, 1) }).Events;

        var attack = Assert.Single(coded, e => e.Evidence.Trigger == "attacked");
        Assert.Equal("Ukraine", attack.Attribution.By?.Text);
        Assert.Equal(["Russia"], attack.Disputed.Select(d => d.By.Text).ToArray());
        var ownAccount = Assert.Single(coded, e => e.Evidence.Trigger.StartsWith("struck", StringComparison.Ordinal));
        Assert.Empty(ownAccount.Disputed);
        Assert.DoesNotContain(coded, e => e.Attribution.Status == "denied");
    }

    [Fact]
    public void Two_sides_reporting_the_same_kind_of_attack_each_way_contest_each_others_account()
    {
        var text = "Armenia said Azerbaijani troops opened fire on Armenian border posts on Monday. "
            + "Azerbaijan said that Armenian forces attacked its positions first.";
        var coded = Coder.Value.Code(new Document("counter-claims", text) { Date = new DateOnly(2023, 6, 1) }).Events;

        var first = Assert.Single(coded, e => e.Sentence == 0 && e.Cameo.Code.Root == "19");
        Assert.Equal(["Azerbaijan"], first.Disputed.Select(d => d.By.Text).ToArray());
        var second = Assert.Single(coded, e => e.Sentence == 1 && e.Cameo.Code.Root == "19");
        Assert.Equal(["Armenia"], second.Disputed.Select(d => d.By.Text).ToArray());
    }

    [Fact]
    public void The_accused_side_blaming_the_reporter_contests_the_report_of_its_attack()
    {
        var text = "The Georgian army said Russian soldiers opened fire on its border posts on Monday, while Russia blamed Georgia for the fighting.";
        var coded = Coder.Value.Code(new Document("counter-blame", text) { Date = new DateOnly(2023, 6, 1) }).Events;

        var attack = Assert.Single(coded, e => e.Evidence.Trigger == "opened fire");
        Assert.Equal("GEOMIL", attack.Attribution.By?.Code);
        Assert.Equal(["Russia"], attack.Disputed.Select(d => d.By.Text).ToArray());
        // The writer's own account and the accusation itself are no one's report to contest.
        Assert.Empty(Assert.Single(coded, e => e.Cameo.Code.Root == "11").Disputed);
    }

    [Fact]
    public void A_denial_of_responsibility_that_names_no_act_contests_what_others_report_of_the_denier()
    {
        var text = "Uganda's army said Kenyan soldiers attacked its border posts on Monday. "
            + "The European Union has accused Kenya of backing the rebels, but Kenya denies the allegation.";
        var coded = Coder.Value.Code(new Document("denies-allegation", text) { Date = new DateOnly(2023, 6, 1) }).Events;

        var attack = Assert.Single(coded, e => e.Evidence.Trigger == "attacked");
        Assert.Equal(["Kenya"], attack.Disputed.Select(d => d.By.Text).ToArray());
        Assert.Equal(1, attack.Disputed[0].Sentence);
    }

    [Fact]
    public void A_report_by_a_third_country_is_not_contested_by_an_accusation_of_someone_else()
    {
        var text = "Armenia said Azerbaijani troops opened fire on Armenian border posts on Monday. Azerbaijan accused France of bias.";
        var coded = Coder.Value.Code(new Document("accusation-elsewhere", text) { Date = new DateOnly(2023, 6, 1) }).Events;

        Assert.Empty(Assert.Single(coded, e => e.Evidence.Trigger == "opened fire").Disputed);
    }

    [Fact]
    public void Denials_from_both_countries_are_denials_by_each_party_of_the_event()
    {
        var text = "The Kenyan army says Somali troops attacked its border posts on Monday, despite denials from both countries.";
        var coded = Coder.Value.Code(new Document("both-deny", text) { Date = new DateOnly(2023, 6, 1) }).Events;

        var attack = Assert.Single(coded, e => e.Evidence.Trigger == "attacked");
        Assert.Equal(("SOM", "KEN"), (attack.Source.Country, attack.Target?.Country));
        Assert.Equal([attack.Source.Code.Value, attack.Target!.Code.Value], attack.Disputed.Select(d => d.By.Code ?? "-").ToArray());
        Assert.All(attack.Disputed, d => Assert.Equal("both countries", d.By.Text));
    }

    [Fact]
    public void A_denial_noun_in_a_clause_beside_the_event_does_not_contest_it()
    {
        var text = "Russian troops attacked a village in eastern Ukraine on Monday, and Ukraine repeated its denial from last week.";
        var coded = Coder.Value.Code(new Document("denial-beside", text) { Date = new DateOnly(2023, 6, 1) }).Events;

        Assert.Empty(Assert.Single(coded, e => e.Evidence.Trigger == "attacked").Disputed);
    }

    [Fact]
    public void A_denial_whose_denier_is_read_from_a_pronoun_contests_nothing_by_its_guess()
    {
        // The coder reads "It" as the Iranian troops of the sentence before, though the denial is Baghdad's.
        var text = "Iraq said its troops had attacked Iranian positions near Basra. Iran said its troops had killed more than 400 Iraqi soldiers. "
            + "The Baghdad statement said Iraqi planes bombed oil installations at Iran's Ahvaz field. It denied an Iranian report that an Iraqi jet was shot down.";
        var coded = Coder.Value.Code(new Document("pronoun-denier", text) { Date = new DateOnly(1987, 4, 8) }).Events;

        var iraqs = Assert.Single(coded, e => e.Sentence == 0);
        Assert.Equal("Iraq", iraqs.Attribution.By?.Text);
        Assert.Empty(iraqs.Disputed);
    }

    [Theory]
    [InlineData("Sudan's army said Ethiopian troops attacked a border post on Thursday. The talks had stalled. Aid was cut. Trade fell. Prices rose. Ethiopia gave a different account of the attack.")]
    [InlineData("The Ethiopian army said Tigrayan rebels attacked civilians in Alamata on Thursday. Ethiopian police gave a different account of the attack.")]
    public void A_different_account_too_far_back_or_by_no_party_of_the_event_contests_nothing(string text)
    {
        var coded = Coder.Value.Code(new Document("account-elsewhere", text) { Date = new DateOnly(2023, 6, 1) }).Events;

        Assert.Empty(Assert.Single(coded, e => e.Evidence.Trigger == "attacked" && e.Sentence == 0).Disputed);
    }

    [Fact]
    public void An_accusation_does_not_contest_a_report_of_talks()
    {
        var text = "Iran said U.S. envoys met Iranian officials in Geneva on Monday. The United States accused Iran of spreading lies.";
        var coded = Coder.Value.Code(new Document("accusation-after-talks", text) { Date = new DateOnly(2023, 6, 1) }).Events;

        var meeting = Assert.Single(coded, e => e.Cameo.Code.Root == "04");
        Assert.Equal("reported", meeting.Attribution.Status);
        Assert.Empty(meeting.Disputed);
        Assert.Contains(coded, e => e.Cameo.Code.Root == "11" && e.Source.Country == "USA");
    }

    [Fact]
    public void A_speaker_the_parser_gave_to_a_participle_between_commas_reports_the_sentence()
    {
        var coded = Coder.Value.Code(new Document("inserted-participle", "The agency, received in Paris, said the agreement was reached between Iraq and Jordan.") { Date = new DateOnly(2023, 6, 1) }).Events;

        var agreements = coded.Where(e => e.Cameo.Code.Value == "057").ToList();
        Assert.NotEmpty(agreements);
        Assert.All(agreements, e => Assert.Equal(("reported", "The agency"), (e.Attribution.Status, e.Attribution.By?.Text)));
    }

    [Fact]
    public void A_meeting_told_in_the_past_is_not_planned_for_a_date_of_another_clause_but_the_coming_visit_is()
    {
        var text = "Former Japanese Foreign Minister Taro Aso made the proposal at a meeting with Prime Minister Fumio Kishida soon after returning "
            + "from a trip designed to prepare the premier's visit to Washington starting next Wednesday.";
        var coded = Coder.Value.Code(new Document("meeting-before-visit", text) { Date = new DateOnly(2023, 6, 1) }).Events;

        Assert.Equal("asserted", Assert.Single(coded, e => e.Evidence.Trigger == "meeting").Attribution.Status);
        Assert.Equal("planned", Assert.Single(coded, e => e.Evidence.Trigger == "visit").Attribution.Status);
    }

    [Theory]
    [InlineData("Iraqi troops attacked Iranian positions near Basra, senior U.S. officials said.", true)]
    [InlineData("Iraqi troops attacked Iranian positions near Basra, a U.S. Embassy spokesman said.", true)]
    [InlineData("Iraqi troops attacked Iranian positions near Basra, U.S. Ambassador John Smith said.", false)]
    public void Officials_named_only_by_country_or_office_are_anonymous(string text, bool anonymous)
    {
        var coded = Coder.Value.Code(new Document("anonymous-source", text) { Date = new DateOnly(2023, 6, 1) }).Events;

        var attack = Assert.Single(coded, e => e.Cameo.Code.Root == "19");
        Assert.Equal("reported", attack.Attribution.Status);
        Assert.Equal(anonymous, attack.Attribution.By!.Anonymous);
    }

    [Fact]
    public void The_speakers_own_pronoun_in_a_closing_report_does_not_make_the_act_theirs()
    {
        // As in Reuters-21578 story 5285 ("But protests had also come from other exporters to the EC, such as Senegal,
        // ..., they added"): "they" are the diplomats who add it, not the protesters, so the protest stays reported.
        var coded = Coder.Value.Code(new Document("closing-they", "Senegal had also protested to the European Commission, they added.") { Date = new DateOnly(1987, 3, 20) }).Events;

        var protest = Assert.Single(coded, e => e.Cameo.Code.Root == "11");
        Assert.Equal("reported", protest.Attribution.Status);
        Assert.Equal("they", protest.Attribution.By!.Text);
    }
}

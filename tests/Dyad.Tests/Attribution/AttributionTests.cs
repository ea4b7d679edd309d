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
}

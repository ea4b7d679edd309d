using Dyad.Actors;
using Dyad.Coding;
using Dyad.Documents;
using Dyad.Petrarch;

namespace Dyad.Tests.Petrarch;

public sealed class PetrarchDictionaryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dyad-petrarch-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // The coder for the dictionaries written so far; writing another file makes it stale.
    private DocumentCoder? _coder;

    private void Write(string name, string content)
    {
        File.WriteAllText(Path.Combine(_folder, name), content);
        _coder = null;
    }

    private void WriteValid()
    {
        Write("Test.actors.txt", """
            # invented places
            ARNOR_  [ARN]
            GONDOR [GON]
            +MINAS_TIRITH_
            DAGOLATH_
            	[DAGGOV 950101-051231]
            	[DAGELI]
            """);
        Write("Test.agents.txt", """
            !MINST! = MINISTER, MINISTRY
            FOREIGN_!MINST! [~GOV]
            SOLDIER [~MIL]
            """);
        Write("Test.verbs.txt", """
            &AIDWORDS
            +AID
            +ASSISTANCE

            --- CRITICIZE [111] ---
            CRITICIZE
            DENOUNCE

            --- SEND [---] ---
            SEND
            - * &AIDWORDS (TO)  [070]  # send aid to
            - * TROOPS  [150:152]

            --- MEET [040] ---
            +MEET_WITH
            """);
        Write("Test.discards.txt", """
            FOOTBALL
            +WORLD CUP
            """);
    }

    private DocumentCoder Coder() => DocumentCoder.Create(_folder, onlyExternal: true);

    private List<(string Source, string? Target, string Code)> Code(string text, DateOnly date) =>
        (_coder ??= Coder()).Code(new Document("t", text) { Date = date }).Events.Select(e => (e.Source.Code.Value, e.Target?.Code.Value, e.Cameo.Code.Value)).ToList();

    [Fact]
    public void Codes_with_actors_agents_synsets_and_verb_blocks_read_from_PETRARCH_files()
    {
        WriteValid();

        Assert.Contains(("ARN", "GON", "111"), Code("Arnor criticized Gondor on Monday.", new DateOnly(2000, 1, 1)));
        Assert.Contains(("GONGOV", "ARN", "070"), Code("The Gondorian foreign minister sent assistance to Arnor.", new DateOnly(2000, 1, 1)));
        Assert.Contains(("ARN", "GON", "040"), Code("Arnor met with Gondor.", new DateOnly(2000, 1, 1)));
    }

    [Fact]
    public void A_stem_matches_longer_words_and_date_restrictions_pick_the_code()
    {
        WriteValid();

        Assert.Contains(("GON", "DAGGOV", "111"), Code("Gondorian soldiers criticized Dagolath.", new DateOnly(2000, 1, 1)).Select(e => (e.Source[..3], e.Target, e.Code)));
        Assert.Contains(("ARN", "DAGELI", "111"), Code("Arnor criticized Dagolath.", new DateOnly(2010, 1, 1)));
    }

    [Fact]
    public void Discards_drop_sentences_and_with_a_plus_whole_stories()
    {
        WriteValid();

        Assert.Empty(Code("Arnor criticized Gondor after the football match.", new DateOnly(2000, 1, 1)));
        Assert.Empty(Code("Arnor criticized Gondor. Gondor hosted the World Cup.", new DateOnly(2000, 1, 1)));
    }

    [Fact]
    public void Words_before_the_verb_and_in_the_object_phrase_are_matched_in_order_with_underscores_meaning_adjacent()
    {
        Write("Test.actors.txt", """
            ARNOR_  [ARN]
            GONDOR [GON]
            ROHAN [ROH]
            FORNOST [FOR]
            THE_SHIRE [FRO/BIL/SAM]
            CALENARDHON [CAL]
            +CALIMEHTAR
            PRINCE OF DOL AMROTH [DOL]
            ROHAN TELEVISION [ROHTV]
            """);
        Write("Test.agents.txt", "SOLDIER [~MIL]\nLAWMAKER [~LEG]\nOFFICIAL [~GOV]\nMINISTER [~GOV]\nDIPLOMAT [~GOV]\nPOLICE {} [~COP]\nMSF {} [NGO~]\nGOVERNMENT [~GOV]\n");
        Write("Test.verbs.txt", """
            &KINDS
            +ECONOMIC
            +CULTURAL

            &NOTAUX
            +DID N'T
            +WILL NOT

            --- ABANDON [345] ---
            ABANDON
            - * NEW_&KINDS_RELATIONS [903]
            - * IMPROVED &KINDS RELATIONS [904]
            - * &KINDS TIES [902]

            &AROUND_
            +ON
            +AGAINST

            --- FIRE [071] ---
            FIRE
            - * ARTILLERY [194]

            --- ACT [100] ---
            ACT
            - * &AROUND RESOLUTION [102]

            --- ALLOW [080] ---
            ALLOW
            - * REALLY_PLEASANT [024]
            - RECENTLY_* [025]

            --- WELCOME [041] ---
            WELCOME

            --- WARN [160] ---
            WARN
            - * THEIR ^ ABOUT + [162]

            --- BOYCOTT [081] ---
            BOYCOTT

            --- APPEAL [095] ---
            APPEAL

            &SANCTIONS
            +TOTAL BOYCOTT
            +EMBARGO

            --- CALL [010] ---
            CALL
            - * FOR &SANCTIONS [172]
            - * FOR [096]

            --- BREAK [1717] ---
            BREAK
            - + * IN $ [075]

            --- BELIEVE [023] ---
            BELIEVE

            --- AGREE [081] ---
            AGREE
            - * WITH % [031]
            - % * [030:030]

            --- LEAVE [012] ---
            LEAVE

            --- LEFT [032:033] ---
            LEFT

            --- INDICATE [010] ---
            INDICATE

            --- ACTS [100] ---
            ACT
            - INDICATED SHOULD * [1011]

            &MONEY
            +EUROS
            +AUSTRIAN FLORIN
            +GOLDEN_GOBLIN_GALLEONS

            --- CONTRIBUTE [070] ---
            CONTRIBUTE
            - * &MONEY [903]

            --- CELEBRATE [181] ---
            CELEBRATE
            - * EID AT ^ WITH + [043]

            --- EXPORT [061] ---
            EXPORT
            - * CARS (TO +) [0611]

            --- DELAY [120] ---
            DELAY
            - % HAVE * [191]

            --- CLASH [223] ---
            CLASH
            - &NOTAUX * OVER EFFORTS [904]
            - &NOTAUX EVER * OVER EFFORTS [905]
            - * OVER EFFORTS [121]
            """);
        var date = new DateOnly(2000, 1, 1);

        // Object phrases: a synset before the head; "_" forbids words in between, a space allows them.
        Assert.Equal([("ARN", "GON", "902")], Code("Arnor will abandon full economic ties with Gondor.", date));
        Assert.Equal([("ARN", "GON", "903")], Code("Arnor will abandon new cultural relations with Gondor.", date));
        Assert.Equal([("ARN", "GON", "345")], Code("Arnor will abandon new global economic relations with Gondor.", date));
        Assert.Equal([("ARN", "GON", "904")], Code("Arnor abandoned improved global economic relations with Gondor.", date));

        // Before the verb: a negation the pattern names codes by it (a plain negated verb codes nothing); a bare
        // leading preposition ("* OVER EFFORTS") introduces a prepositional argument.
        Assert.Equal([("ARN", "GON", "121")], Code("Arnor clashed over the efforts of Gondor.", date));
        Assert.Equal([("ARN", "GON", "904")], Code("Arnor didn't clash over the efforts of Gondor.", date));
        Assert.Equal([("ARN", "GON", "905")], Code("Arnor will not even ever clash over the efforts of Gondor.", date));
        Assert.Empty(Code("Arnor did not clash with Gondor.", date));

        // A single pattern noun may be a modifier in the object phrase; a synset of prepositions introduces an argument.
        Assert.Equal([("ARN", "GON", "194")], Code("Arnor fired two artillery shells at Gondor.", date));
        Assert.Equal([("ARN", "GON", "071")], Code("Arnor fired two rockets at Gondor.", date));
        Assert.Equal([("ARN", "GON", "102")], Code("Arnor acted on a resolution against Gondor.", date));

        // Words the parse does not offer as the object may still follow the verb in its clause, in order.
        Assert.Equal([("ARN", "GON", "024")], Code("Arnor allowed that Gondor is a really pleasant place to visit.", date));
        Assert.Equal([("ARN", "GON", "080")], Code("Arnor allowed that Gondor is a pleasant place to visit.", date));

        // A coordinated name inside the target phrase: each conjunct is a target.
        Assert.Equal([("ARN", "GON", "041"), ("ARN", "ROH", "041")], Code("Arnor welcomed the resumption of ties with Gondor and Rohan.", date).Order());

        Assert.Equal([("ARNLEG", "ROH", "041"), ("GONLEG", "ROH", "041")], Code("Lawmakers in Arnor and Gondor welcomed the resumption of ties with Rohan.", date).Order());

        // A place after the last of coordinated roles belongs to them all.
        Assert.Equal(
            [("ARNGOV", "ROH", "041"), ("ARNLEG", "ROH", "041"), ("GONGOV", "ROH", "041"), ("GONLEG", "ROH", "041")],
            Code("Lawmakers and officials in Arnor and Gondor welcomed a resumption of ties with Rohan.", date).Order());

        // A list the parser misreads: one country as another's apposition, the first name as a bare modifier.
        Assert.Equal(
            [("ARN", "ROH", "041"), ("FOR", "ROH", "041"), ("GON", "ROH", "041")],
            Code("Evil Arnor, the awful Fornost, and good Gondor welcomed a resumption of ties with Rohan.", date).Order());

        // The subject of the clause a verb governs is its target; "WITH %" names the target's preposition;
        // "% *" wants a compound subject, here one the parser split in two.
        Assert.Equal([("ARN", "FOR", "023"), ("ARN", "GON", "023")], Code("Arnor believes Fornost and Gondor can cope with the drought.", date).Order());
        Assert.Equal([("ARN", "FOR", "031"), ("ARN", "GON", "031")], Code("Arnor agrees with Gondor and Fornost that disputes should be settled.", date).Order());
        Assert.Equal([("ARN", "GON", "030"), ("GON", "ARN", "030")], Code("The Arnor and the Gondor agree that disputes should be settled.", date).Order());

        // Every one of a phrase's alternative codes acts; "{}" means no plural ("polices" is not the police);
        // an organisation's prefix stacks with a role.
        Assert.Equal([("BIL", "GON", "041"), ("FRO", "GON", "041"), ("SAM", "GON", "041")], Code("The Shire welcomed a resumption of ties with Gondor.", date).Order());
        Assert.Equal([("ARN", "GON", "041")], Code("Arnor welcomed a resumption of ties with Gondor's polices.", date));
        Assert.Equal([("ARN", "GONCOP", "041")], Code("Arnor welcomed a resumption of ties with Gondor's police.", date));
        Assert.Equal([("NGOARNGOV", "GON", "041")], Code("An MSF Arnor diplomat welcomed a resumption of ties with Gondor.", date));

        // "RECENTLY_*": adjacent to the verb; a passive subject without a passive auxiliary is a subject; a token
        // joined by "_" spells a phrase; a preposition may hang on the head of the pattern's word; the object's
        // own clause may name the target.
        Assert.Equal([("ARN", "GON", "025")], Code("Arnor recently allowed that Gondor is a fine place.", date));
        Assert.Equal([("ARN", "GON", "080")], Code("Arnor recently did allow that Gondor is a fine place.", date));
        Assert.Equal([("ARN", "DOL", "160")], Code("Arnor warned of the Prince of Dol_Amroth.", date));
        Assert.Equal([("ARN", "DOL", "162"), ("GONGOV", "DOL", "162")], Code("Arnor and the government of Gondor warned their populations about the Prince of Dol_Amroth.", date).Order());
        Assert.Equal([("ARN", "GON", "081"), ("FOR", "GON", "081")], Code("Neither Arnor nor Fornost boycotted the parade supporting Gondor on Saturday.", date).Order());

        // With nothing else naming a target, the first actor after the verb is one, as in PETRARCH; an unknown
        // name before the subject, misread as the verb's modifier, is part of the subject.
        Assert.Equal([("FORGOV", "ROH", "095")], Code("Fornost minister Umbardacil has again appealed for peace in Rohan in a message to the elders.", date));

        // A synset member that is a phrase stands whole after a bare preposition; the subject of a passive verb
        // is the subject of the verb it governs ("was seen to break into"); "+ * IN $": the "in" phrase is the source.
        Assert.Equal([("ARN", "GON", "096")], Code("Arnor called for a boycott against Gondor.", date));
        Assert.Equal([("ARN", "GON", "172")], Code("Arnor called for a total boycott against Gondor.", date));
        Assert.Equal([("ARN", "GON", "1717")], Code("Arnor was seen to break into a Gondor parade on Saturday.", date));
        Assert.Equal([("GON", "ARN", "075")], Code("Arnor was seen to break in a Gondor parade on Saturday.", date));

        // Words of a phrase joined by a space may have others between them.
        Assert.Equal([("ARN", "ROHTV", "041")], Code("Arnor welcomed a resumption of ties with Rohan state-run television.", date));

        // Whose minister the possessive says outranks whom the name says; "warned of" names the target.
        Assert.Equal([("GONGOV", "ROH", "160")], Code("Gondor's awful and evil minister Calimehtar warned of the Prince of Rohan.", date));

        // "+" marks where the target stands; Dyad reads the target from the parse, so it is no word to look for.
        Assert.Equal([("ARN", "GON", "0611")], Code("Arnor exported cars to Gondor.", date));

        // An inflected form with its own entry wins over the lemma's; words before the verb may lie in the clause governing it.
        Assert.Equal([("ARN", "GON", "032"), ("GON", "ARN", "033")], Code("Arnor left for Gondor on Monday.", date));
        Assert.Contains(("ARN", "GON", "1011"), Code("Arnor indicated it should act against Gondor.", date));

        // A synset member that is a phrase must be there whole ("_" adjacent, a space allowing words between).
        Assert.Equal([("ARN", "GON", "903")], Code("Arnor contributed a million golden goblin galleons to Gondor.", date));
        Assert.Equal([("ARN", "GON", "070")], Code("Arnor contributed a million goblin galleons to Gondor.", date));
        Assert.Equal([("ARN", "GON", "903")], Code("Arnor contributed a million Austrian gold florin to Gondor.", date));

        // "WITH +": the target is the one "with"; "AT ^" skips the place.
        Assert.Equal([("ARN", "GON", "043")], Code("Arnor celebrated Eid at Rohan with Gondor.", date));

        // "%": a compound subject, each conjunct acting towards the other.
        Assert.Equal([("ARN", "GON", "191"), ("GON", "ARN", "191")], Code("Arnor and Gondor have delayed their meeting.", date).Order());
    }

    [Theory]
    [InlineData("Bad.actors.txt", "GONDOR [GON]\n\t[GONGOV 2001-]\n", "Bad.actors.txt:2")]
    [InlineData("Bad.verbs.txt", "- * TROOPS [150]\n", "Bad.verbs.txt:1")]
    [InlineData("Bad.verbs.txt", "--- SEND [---] ---\nSEND\n- * TROOPS\n", "Bad.verbs.txt:3")]
    [InlineData("Bad.agents.txt", "SOLDIER\n", "Bad.agents.txt:1")]
    [InlineData("Unknown.txt", "SOMETHING\n", "Unknown.txt")]
    public void A_malformed_line_is_an_error_naming_file_and_line(string file, string content, string where)
    {
        Write(file, content);

        var error = Assert.Throws<DictionaryFormatException>(() => DocumentCoder.Create(_folder, onlyExternal: true));

        Assert.StartsWith(where, error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Reads_the_Phoenix_dictionaries_without_error()
    {
        var folder = SharedData.Require("data", "phoenix-dictionaries");
        var actors = new ActorDictionary();
        var events = new Dyad.Events.EventDictionary();

        var warnings = new List<string>();

        var (loadedActors, loadedEvents, discards) = PetrarchDictionaries.LoadFolder(folder, actors, events, warnings.Add);

        Assert.All(warnings, w => Assert.Matches(@"^(Phoenix\.[A-Za-z.]+|CAMEO\.2\.0)\.txt:\d+: ", w));
        Assert.True(warnings.Count < 20, string.Join("; ", warnings));
        Assert.True(loadedActors.Count > 10_000, $"{loadedActors.Count} actor phrases");
        Assert.True(loadedEvents.Count > 5_000, $"{loadedEvents.Count} event patterns");
        Assert.True(discards.Count > 100);
    }
}

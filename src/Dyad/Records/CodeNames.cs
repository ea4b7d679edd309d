using System.Collections.Frozen;
using Dyad.Actors;
using Dyad.Events;

namespace Dyad.Records;

/// <summary>
/// Names for the codes a record carries, for readers who do not know CAMEO by heart: a CAMEO event code's name from
/// the codebook, and an actor code read part by part ("---GOV": government, country unknown; "JPNMIL": Japan,
/// military; "IGOUNO": United Nations).
/// </summary>
public static class CodeNames
{
    /// <summary>CAMEO's actor role and type codes (facts from the CAMEO actor codebook), in words.</summary>
    private static readonly FrozenDictionary<string, string> Parts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["GOV"] = "government", ["MIL"] = "military", ["COP"] = "police", ["JUD"] = "judiciary", ["LEG"] = "legislature",
        ["SPY"] = "intelligence", ["OPP"] = "opposition", ["PTY"] = "political party", ["REB"] = "rebels",
        ["INS"] = "insurgents", ["SEP"] = "separatists", ["UAF"] = "unaligned armed forces", ["BUS"] = "business",
        ["MED"] = "media", ["CVL"] = "civilians", ["EDU"] = "education", ["HLH"] = "health", ["HRI"] = "human rights",
        ["LAB"] = "labour", ["AGR"] = "agriculture", ["ELI"] = "elites", ["ENV"] = "environmental groups",
        ["REF"] = "refugees", ["CRM"] = "criminals", ["REL"] = "religious", ["CHR"] = "Christian", ["JEW"] = "Jewish",
        ["MOS"] = "Muslim", ["BUD"] = "Buddhist", ["HIN"] = "Hindu", ["PKO"] = "peacekeepers",
        ["IGO"] = "intergovernmental organisation", ["NGO"] = "non-governmental organisation",
        ["IMG"] = "international militarised group", ["MNC"] = "multinational corporation",
        ["NGM"] = "non-governmental movement", ["UIS"] = "unidentified state actor",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Lazy<FrozenDictionary<string, string>> Countries = new(() => FirstNames("dictionaries/countries.txt", "# name"));

    private static readonly Lazy<FrozenDictionary<string, string>> Organisations = new(() => FirstNames("dictionaries/organizations.txt", null));

    /// <summary>A CAMEO event code's name ("111": the codebook's name for it), or null for what is no CAMEO code.</summary>
    public static string? Cameo(string? code) =>
        CameoCode.TryParse(code, out var parsed) && CameoCodebook.Default[parsed] is { Quad: > 0 } entry ? entry.Name : null;

    /// <summary>An actor code in words, or null for an empty or malformed code.</summary>
    public static string? Actor(string? code)
    {
        if (!ActorCode.TryParse(code, out var actor) || actor.IsEmpty)
        {
            return null;
        }

        var value = actor.Value;
        var words = new List<string>();
        var at = 0;
        // An organisation's own code, with any roles after it ("IGOUNOMIL").
        for (var length = value.Length - value.Length % 3; length >= 6; length -= 3)
        {
            if (Organisations.Value.TryGetValue(value[..length], out var organisation))
            {
                words.Add(organisation);
                at = length;
                break;
            }
        }

        var unknownCountry = false;
        if (at == 0 && actor.Country is { } country)
        {
            words.Add(Countries.Value.GetValueOrDefault(country, country));
            at = 3;
        }
        else if (at == 0 && value.StartsWith("---", StringComparison.Ordinal))
        {
            unknownCountry = true;
            at = 3;
        }

        for (; at + 3 <= value.Length; at += 3)
        {
            var part = value.Substring(at, 3);
            words.Add(Parts.GetValueOrDefault(part, part));
        }

        if (at < value.Length)
        {
            words.Add(value[at..]);
        }

        if (unknownCountry)
        {
            words.Add("country unknown");
        }

        return words.Count == 0 ? null : string.Join(", ", words);
    }

    /// <summary>Each code's first phrase in a dictionary, from the lines whose note is <paramref name="note"/> (any line if null).</summary>
    private static FrozenDictionary<string, string> FirstNames(string resource, string? note)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in ResourceFiles.ReadRows(resource))
        {
            if (row.Length >= 2 && row[1].Length > 0 && (note is null || (row.Length >= 3 && row[2].Trim() == note)))
            {
                names.TryAdd(row[1].Trim(), row[0]);
            }
        }

        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

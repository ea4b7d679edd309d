namespace Dyad.Events;

/// <summary>
/// A CAMEO event code: two to four digits, the first two its root ("044" is root "04"). Dyad's own dictionaries
/// use roots 01 to 20; codes read from other dictionaries (PETRARCH's validation set uses older WEIS-style codes)
/// may carry any root, and the codebook describes those as unknown.
/// </summary>
public readonly record struct CameoCode
{
    private CameoCode(string value) => Value = value;

    public string Value { get; }

    public string Root => Value[..2];

    /// <summary>True for the 20 CAMEO roots (01 to 20).</summary>
    public bool IsCameo => int.Parse(Root, System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 20;

    /// <summary>Roots that read the same either way round (04 consult, 05 diplomatic and 06 material cooperation).</summary>
    public static bool IsSymmetricRoot(string root) => root is "04" or "05" or "06";

    public static CameoCode Parse(string value) =>
        TryParse(value, out var code) ? code : throw new FormatException($"'{value}' is not a CAMEO code (2 to 4 digits, root 01 to 20)");

    public static bool TryParse(string? value, out CameoCode code)
    {
        code = default;
        if (value is null || value.Length is < 2 or > 4 || !value.All(char.IsAsciiDigit))
        {
            return false;
        }

        code = new CameoCode(value);
        return true;
    }

    public override string ToString() => Value;
}

namespace Dyad.Events;

/// <summary>A CAMEO event code: two to four digits, the first two its root ("044" is root "04").</summary>
public readonly record struct CameoCode
{
    private CameoCode(string value) => Value = value;

    public string Value { get; }

    public string Root => Value[..2];

    public static CameoCode Parse(string value) =>
        TryParse(value, out var code) ? code : throw new FormatException($"'{value}' is not a CAMEO code (2 to 4 digits, root 01 to 20)");

    public static bool TryParse(string? value, out CameoCode code)
    {
        code = default;
        if (value is null || value.Length is < 2 or > 4 || !value.All(char.IsAsciiDigit))
        {
            return false;
        }

        var root = ((value[0] - '0') * 10) + (value[1] - '0');
        if (root is < 1 or > 20)
        {
            return false;
        }

        code = new CameoCode(value);
        return true;
    }

    public override string ToString() => Value;
}

namespace Dyad.Places;

/// <summary>
/// Where an event happened, as precisely as the text allows: the words, a resolved name, country, first-level
/// region, a representative point, and the precision ("city", "region", "admin1", "country", "dateline").
/// </summary>
public sealed record EventPlace(string Text, string Name, string? Country, string? Admin1, double? Lat, double? Lon, string Precision);

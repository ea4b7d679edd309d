using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Dyad.Tools;

/// <summary>
/// resources/web/countries.json: Natural Earth's 1:110m country outlines (public domain), reduced to what the map
/// draws — an alpha-3 code, a name and rings of [lon, lat] rounded to 0.01° — so the page needs no tile server.
/// </summary>
internal static class ShapesBuilder
{
    public static void Build(string data, string resources)
    {
        using var source = JsonDocument.Parse(File.ReadAllText(Path.Combine(data, "naturalearth", "ne_110m_admin_0_countries.geojson")));
        var output = new StringBuilder();
        output.Append("{\"source\":\"Made with Natural Earth (public domain), 1:110m admin-0 countries\",\"countries\":[");
        var first = true;
        foreach (var feature in source.RootElement.GetProperty("features").EnumerateArray())
        {
            var properties = feature.GetProperty("properties");
            var code = properties.GetProperty("ADM0_A3").GetString()!;
            var name = properties.GetProperty("NAME").GetString()!;
            var geometry = feature.GetProperty("geometry");
            var polygons = geometry.GetProperty("type").GetString() == "Polygon"
                ? [geometry.GetProperty("coordinates")]
                : geometry.GetProperty("coordinates").EnumerateArray().ToList();
            if (!first)
            {
                output.Append(',');
            }

            first = false;
            output.Append(CultureInfo.InvariantCulture, $"{{\"code\":{JsonSerializer.Serialize(code)},\"name\":{JsonSerializer.Serialize(name)},\"rings\":[");
            var firstRing = true;
            foreach (var polygon in polygons)
            {
                foreach (var ring in polygon.EnumerateArray())
                {
                    if (!firstRing)
                    {
                        output.Append(',');
                    }

                    firstRing = false;
                    output.Append('[');
                    output.Append(string.Join(',', ring.EnumerateArray().Select(p =>
                        string.Create(CultureInfo.InvariantCulture, $"[{Math.Round(p[0].GetDouble(), 2)},{Math.Round(p[1].GetDouble(), 2)}]"))));
                    output.Append(']');
                }
            }

            output.Append("]}");
        }

        output.Append("]}\n");
        var path = Path.Combine(resources, "web", "countries.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, output.ToString(), new UTF8Encoding(false));
        Console.Error.WriteLine($"wrote {path} ({new FileInfo(path).Length:N0} bytes)");
    }
}

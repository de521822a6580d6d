using System.Text.Json;
using ConflictExtract.Records;

namespace ConflictExtract.Cli.Output;

/// <summary>
/// <c>--format geojson</c>: one RFC 7946 FeatureCollection for the whole batch. A file holds one collection, so the two
/// layers are told apart by the <c>layer</c> property of each feature: <c>"strike"</c> (a Point at the place struck)
/// and <c>"launch-site"</c> (a Point at the place the strike was launched from, with the strike's <c>strikeId</c>).
/// A strike whose place has no coordinates is still written, with <c>"geometry": null</c> (allowed by RFC 7946), so
/// that no record is lost; coordinates are [longitude, latitude].
/// </summary>
internal sealed class GeoJsonResultWriter(Stream output, bool pretty) : ResultWriter(output)
{
    private Utf8JsonWriter? _w;

    public override void Begin()
    {
        _w = new Utf8JsonWriter(Output, pretty ? JsonResultWriter.PrettyOptions : JsonResultWriter.CompactOptions);
        _w.WriteStartObject();
        _w.WriteString("type", "FeatureCollection");
        _w.WriteStartArray("features");
    }

    public override void WriteResult(Processed document)
    {
        var w = _w!;
        var result = document.Result!;
        foreach (var s in result.Strikes)
        {
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteString("id", $"{result.DocumentId}:{s.Id}");
            WriteGeometry(w, s.Location);
            w.WriteStartObject("properties");
            w.WriteString("layer", "strike");
            w.WriteString("documentId", result.DocumentId);
            w.WriteString("recordId", s.Id);
            w.WriteString("date", s.Date?.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("dateEnd", s.Date?.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("datePrecision", s.Date is { } d ? Names.Of(d.Precision) : null);
            WritePlace(w, s.Location);
            w.WriteString("attacker", s.Attacker);
            w.WriteString("target", s.Target);
            w.WriteString("targetCategory", s.TargetCategory is { } tc ? Names.Of(tc) : null);
            w.WriteString("weapon", StrikeFacts.Weapons(result, s));
            w.WriteString("weaponCategory", StrikeFacts.Category(result, s) is { } wc ? Names.Of(wc) : null);
            WriteCount(w, "munitions", s.MunitionCount?.Headline);
            WriteCount(w, "intercepted", s.Intercepted?.Headline);
            WriteCount(w, "killed", StrikeFacts.Count(result, s, CasualtyKind.Killed));
            WriteCount(w, "injured", StrikeFacts.Count(result, s, CasualtyKind.Injured));
            w.WriteString("launchSite", s.LaunchSite?.Name);
            w.WriteNumber("confidence", s.Confidence);
            w.WriteString("evidence", StrikeFacts.EvidenceText(s.Evidence));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        foreach (var s in result.Strikes)
        {
            if (s.LaunchSite is not { } site) continue;
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteString("id", $"{result.DocumentId}:{s.Id}:launch");
            WriteGeometry(w, site);
            w.WriteStartObject("properties");
            w.WriteString("layer", "launch-site");
            w.WriteString("documentId", result.DocumentId);
            w.WriteString("strikeId", s.Id);
            WritePlace(w, site);
            w.WriteString("struck", s.Location?.Name);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.Flush();
    }

    private static void WriteGeometry(Utf8JsonWriter w, Location? place)
    {
        if (place is { Latitude: { } lat, Longitude: { } lon })
        {
            w.WriteStartObject("geometry");
            w.WriteString("type", "Point");
            w.WriteStartArray("coordinates");
            w.WriteNumberValue(lon);
            w.WriteNumberValue(lat);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        else w.WriteNull("geometry");
    }

    private static void WritePlace(Utf8JsonWriter w, Location? place)
    {
        w.WriteString("location", place?.Name);
        w.WriteString("locationKind", place is { } p ? Names.Of(p.Kind) : null);
        w.WriteString("admin1", place?.Admin1);
        w.WriteString("country", place?.Country);
    }

    private static void WriteCount(Utf8JsonWriter w, string name, long? n)
    {
        if (n is { } v) w.WriteNumber(name, v); else w.WriteNull(name);
    }

    public override void End()
    {
        var w = _w!;
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        Output.WriteByte((byte)'\n');
        w.Dispose();
    }
}

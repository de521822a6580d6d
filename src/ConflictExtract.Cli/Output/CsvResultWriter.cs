using System.Globalization;
using ConflictExtract.Records;
using nietras.SeparatedValues;

namespace ConflictExtract.Cli.Output;

/// <summary>
/// <c>--format csv</c>: one row per strike in ACLED's column layout as far as our records fill it (docs/formats.md says
/// what each column holds). Written with Sep, quoting where a value needs it (RFC 4180).
/// </summary>
internal sealed class CsvResultWriter(Stream output) : ResultWriter(output)
{
    /// <summary>The columns, in order.</summary>
    public static readonly string[] Columns =
    [
        "event_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor", "country",
        "admin1", "location", "latitude", "longitude", "geo_precision", "weapon", "fatalities", "injured", "notes",
        "source", "confidence",
    ];

    private SepWriter? _writer;
    private StreamWriter? _text;

    public override void Begin()
    {
        _text = new StreamWriter(Output, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        _writer = Sep.New(',').Writer(o => o with { Escape = true, CultureInfo = CultureInfo.InvariantCulture }).To(_text, leaveOpen: true);
        _writer.Header.Add(Columns);
        _writer.Header.Write();
    }

    public override void WriteResult(Processed document)
    {
        var result = document.Result!;
        foreach (var s in result.Strikes)
        {
            using var row = _writer!.NewRow();
            row["event_id"].Set($"{result.DocumentId}:{s.Id}");
            row["event_date"].Set(s.Date is { } d ? d.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "");
            row["time_precision"].Set(TimePrecision(s.Date));
            row["event_type"].Set("Explosions/Remote violence");
            row["sub_event_type"].Set(SubEventType(StrikeFacts.Category(result, s)));
            row["actor1"].Set(s.Attacker ?? "");
            row["assoc_actor"].Set("");
            row["country"].Set(s.Location?.Country ?? "");
            row["admin1"].Set(s.Location?.Admin1 ?? "");
            row["location"].Set(s.Location?.Name ?? "");
            row["latitude"].Set(Coordinate(s.Location?.Latitude));
            row["longitude"].Set(Coordinate(s.Location?.Longitude));
            row["geo_precision"].Set(GeoPrecision(s.Location?.Kind));
            row["weapon"].Set(StrikeFacts.Weapons(result, s) ?? "");
            row["fatalities"].Set(Number(StrikeFacts.Count(result, s, CasualtyKind.Killed)));
            row["injured"].Set(Number(StrikeFacts.Count(result, s, CasualtyKind.Injured)));
            row["notes"].Set(StrikeFacts.Notes(document.Item.Document?.Text, s.Evidence));
            row["source"].Set(result.DocumentId ?? "");
            row["confidence"].Set(s.Confidence.ToString("0.###", CultureInfo.InvariantCulture));
        }
    }

    public override void End()
    {
        _writer!.Flush();
        _writer.Dispose();
        _text!.Flush();
        _text.Dispose();
    }

    private static string Number(long? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Coordinate(double? c) => c?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";

    /// <summary>ACLED's time precision: 1 a day, 2 a week (or a few days), 3 a month or longer.</summary>
    internal static string TimePrecision(DateRange? date) => date switch
    {
        null => "",
        { Precision: DatePrecision.Day } => "1",
        { Precision: DatePrecision.Week } => "2",
        { Precision: DatePrecision.Range } r when r.End.DayNumber - r.Start.DayNumber < 7 => "2",
        _ => "3",
    };

    /// <summary>ACLED's geo precision: 1 the town itself, 2 a part of a region or a place near it, 3 a region or larger.</summary>
    internal static string GeoPrecision(PlaceKind? kind) => kind switch
    {
        null => "",
        PlaceKind.City or PlaceKind.Town or PlaceKind.Village or PlaceKind.Facility => "1",
        PlaceKind.Other => "2",
        _ => "3",
    };

    /// <summary>ACLED's sub-event type of Explosions/Remote violence, from the weapon category; empty when unknown.</summary>
    internal static string SubEventType(WeaponCategory? category) => category switch
    {
        WeaponCategory.AttackDrone or WeaponCategory.ReconDrone or WeaponCategory.GuidedBomb or WeaponCategory.Aircraft => "Air/drone strike",
        WeaponCategory.BallisticMissile or WeaponCategory.CruiseMissile or WeaponCategory.HypersonicMissile or WeaponCategory.AntiShipMissile
            or WeaponCategory.AirDefenceMissile or WeaponCategory.RocketArtillery or WeaponCategory.Artillery => "Shelling/artillery/missile attack",
        _ => "",
    };
}

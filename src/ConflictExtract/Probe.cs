namespace ConflictExtract;

/// <summary>Temporary.</summary>
public static class Probe
{
    /// <summary>Temporary.</summary>
    public static int Count(string s) => Microsoft.Recognizers.Text.Number.NumberRecognizer.RecognizeNumber(s, Microsoft.Recognizers.Text.Culture.English).Count;
}

using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace ConflictExtract.Cli.Progress;

/// <summary>How progress is shown on standard error.</summary>
internal enum ProgressMode
{
    /// <summary>Nothing (stderr redirected and no --progress, or --quiet).</summary>
    None,
    /// <summary>A live bar (standard error is a terminal): documents, documents/s, share done and ETA.</summary>
    Bar,
    /// <summary>A plain line at most once a second, and one at the end (--progress with stderr redirected, for logs).</summary>
    Lines,
}

/// <summary>
/// Progress of one run. Only the writing thread calls <see cref="Advance"/>; the bar is drawn by Spectre.Console's
/// refresh thread, the lines by the writing thread. Totals are in bytes of input (known for files, not for standard
/// input, where the bar shows documents and speed without a share or ETA). Diagnostics written through
/// <see cref="Report"/> appear above a live bar instead of breaking it.
/// </summary>
internal sealed class BatchProgressView
{
    private readonly ProgressMode _mode;
    private readonly TextWriter _stderr;
    private readonly long? _totalBytes;
    private readonly long[] _inputStarts;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private IAnsiConsole? _console;
    private ProgressTask? _task;
    private long _documents, _failed, _bytes;
    private TimeSpan _lastLine = TimeSpan.Zero;

    public BatchProgressView(ProgressMode mode, TextWriter stderr, IReadOnlyList<long?> inputSizes)
    {
        _mode = mode;
        _stderr = stderr;
        _inputStarts = new long[inputSizes.Count];
        long sum = 0;
        bool known = true;
        for (int i = 0; i < inputSizes.Count; i++)
        {
            _inputStarts[i] = sum;
            if (inputSizes[i] is { } n) sum += n; else known = false;
        }
        _totalBytes = known && sum > 0 ? sum : null;
    }

    public long Documents => _documents;

    public long Failed => _failed;

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Runs <paramref name="body"/> with the view live; returns its result.</summary>
    public T Run<T>(Func<T> body)
    {
        if (_mode != ProgressMode.Bar) return body();
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(_stderr),
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Standard,
            Interactive = InteractionSupport.Yes,
        });
        var progress = _console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn());
        return progress.Start(ctx =>
        {
            _task = ctx.AddTask(Describe(), maxValue: _totalBytes ?? 1);
            _task.IsIndeterminate = _totalBytes is null;
            try { return body(); }
            finally
            {
                _task.Description = Markup.Escape(Describe());
                if (_totalBytes is { } t) _task.Value = t;
                _task.StopTask();
            }
        });
    }

    /// <summary>One document written (or failed), ending at <paramref name="position"/> bytes of input <paramref name="input"/>.</summary>
    public void Advance(bool failed, int input, long position)
    {
        _documents++;
        if (failed) _failed++;
        if (input >= 0 && input < _inputStarts.Length) _bytes = Math.Max(_bytes, _inputStarts[input] + position);
        switch (_mode)
        {
            case ProgressMode.Bar when _task is not null:
                _task.Description = Markup.Escape(Describe());
                if (_totalBytes is not null) _task.Value = _bytes;
                break;
            case ProgressMode.Lines:
                var now = _clock.Elapsed;
                if (now - _lastLine >= TimeSpan.FromSeconds(1))
                {
                    _lastLine = now;
                    _stderr.WriteLine(Line());
                }
                break;
        }
    }

    /// <summary>Writes a diagnostic line on standard error (above the bar while it is live).</summary>
    public void Report(string message)
    {
        if (_console is not null && _task is not null) _console.WriteLine(message);
        else _stderr.WriteLine(message);
    }

    /// <summary>The closing line: after a bar, and after progress lines.</summary>
    public void Finish()
    {
        if (_mode == ProgressMode.None) return;
        _stderr.WriteLine(Line(final: true));
    }

    private string Describe()
    {
        double secs = _clock.Elapsed.TotalSeconds;
        return string.Create(CultureInfo.InvariantCulture, $"{_documents:N0} documents{(_failed > 0 ? $" ({_failed:N0} failed)" : "")} · {(secs > 0 ? _documents / secs : 0):F1} docs/s");
    }

    private string Line(bool final = false)
    {
        double secs = _clock.Elapsed.TotalSeconds;
        string rate = string.Create(CultureInfo.InvariantCulture, $"{(secs > 0 ? _documents / secs : 0):F1} docs/s");
        string failed = _failed > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({_failed:N0} failed)") : "";
        if (final)
            return string.Create(CultureInfo.InvariantCulture, $"conflict-extract: {_documents:N0} documents{failed} in {secs:F1} s, {rate}");
        string share = "";
        if (_totalBytes is { } total && total > 0)
        {
            double f = Math.Clamp((double)_bytes / total, 0, 1);
            var eta = f > 0 ? TimeSpan.FromSeconds(secs * (1 - f) / f) : (TimeSpan?)null;
            share = string.Create(CultureInfo.InvariantCulture, $", {f * 100:F0}%{(eta is { } e ? $", ETA {e:hh\\:mm\\:ss}" : "")}");
        }
        return string.Create(CultureInfo.InvariantCulture, $"conflict-extract: {_documents:N0} documents{failed}, {rate}{share}");
    }
}
